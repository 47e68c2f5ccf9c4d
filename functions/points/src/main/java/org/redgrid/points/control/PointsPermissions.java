package org.redgrid.points.control;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.redgrid.kernel.security.DomainPermissions;

/** The points domain's permissions (积分权限); which role holds which is the kernel's role table. */
@ApplicationScoped
public class PointsPermissions implements DomainPermissions {

    /** See accounts, statements, chain checks and trial balances. */
    public static final String LEDGER_READ = "points.ledger.read";
    /** Open household accounts and award points by hand (audited). */
    public static final String AWARD_WRITE = "points.award.write";
    /** Approve an award above the community's threshold (a second person). */
    public static final String AWARD_APPROVE = "points.award.approve";
    /** Reverse a posted entry (冲正). */
    public static final String LEDGER_CORRECT = "points.ledger.correct";
    /** Set a community's approval threshold and issuing limit. */
    public static final String SETTINGS_WRITE = "points.settings.write";
    /** Open stores, list goods, restock. */
    public static final String STORES_WRITE = "points.stores.write";
    /** Redeem and cancel at the counter. */
    public static final String COUNTER_WRITE = "points.counter.write";

    /** Keep the community's rule catalogue (new versions of rules). */
    public static final String RULES_WRITE = "points.rules.write";
    /** Open, score and publish a grid's monthly inspection sheet. */
    public static final String INSPECTION_WRITE = "points.inspection.write";
    /** A resident's own household's points, statement and QR code. */
    public static final String SELF_READ = "points.self.read";

    private static final Map<String, String> ALL = new LinkedHashMap<>();
    static {
        ALL.put(LEDGER_READ, "查看积分账户、流水与试算平衡");
        ALL.put(AWARD_WRITE, "开立户积分账户、人工奖励积分（留痕）");
        ALL.put(AWARD_APPROVE, "审批超过限额的人工奖励");
        ALL.put(LEDGER_CORRECT, "冲正积分分录");
        ALL.put(SETTINGS_WRITE, "设置社区积分审批限额与发放额度");
        ALL.put(STORES_WRITE, "维护积分超市、商品与库存");
        ALL.put(COUNTER_WRITE, "积分超市柜台查户、兑换与撤销");
        ALL.put(RULES_WRITE, "维护社区积分规则目录");
        ALL.put(INSPECTION_WRITE, "填报与发布月度卫生检查表");
        ALL.put(SELF_READ, "查看本户积分、流水与积分码");
    }

    @Override
    public Map<String, String> permissions() {
        return ALL;
    }
}
