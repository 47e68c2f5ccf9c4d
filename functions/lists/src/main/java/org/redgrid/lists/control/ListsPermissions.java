package org.redgrid.lists.control;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.redgrid.kernel.security.DomainPermissions;

/** The three lists' permissions (三张清单权限); which role holds which is the kernel's role table. */
@ApplicationScoped
public class ListsPermissions implements DomainPermissions {

    /** Submit a demand: a resident their own need, grid staff one noted on a home visit in their grid. */
    public static final String DEMAND_SUBMIT = "lists.demand.submit";
    /** See one's own submitted demands (residents). */
    public static final String DEMAND_MINE = "lists.demand.mine";
    /** See the demand lists in one's scope. */
    public static final String DEMAND_READ = "lists.demand.read";
    /** Manage the demands of one's grids: cancel, mark done, bulk import. */
    public static final String DEMAND_WRITE = "lists.demand.write";
    /** Close a done demand with the beneficiary's feedback. */
    public static final String DEMAND_FEEDBACK = "lists.demand.feedback";
    /** Claim open demands (秒认领) and see one's claims. */
    public static final String CLAIM_WRITE = "lists.claim.write";
    /** Offer resources and withdraw one's own. */
    public static final String RESOURCE_WRITE = "lists.resource.write";
    /** See the resource lists in one's scope. */
    public static final String RESOURCE_READ = "lists.resource.read";
    /** See projects in one's scope. */
    public static final String PROJECT_READ = "lists.project.read";
    /** Plan, run, complete and evaluate projects. */
    public static final String PROJECT_WRITE = "lists.project.write";
    /** Pick a published project with one's resource (partner units). */
    public static final String PROJECT_PICK = "lists.project.pick";
    /** See matching weights and proposals. */
    public static final String MATCHING_READ = "lists.matching.read";
    /** Set weights, run matching batches, accept or reject proposed pairs. */
    public static final String MATCHING_WRITE = "lists.matching.write";
    /** See a node's indicators. */
    public static final String INDICATORS_READ = "lists.indicators.read";

    private static final Map<String, String> ALL = new LinkedHashMap<>();
    static {
        ALL.put(DEMAND_SUBMIT, "提交需求（微心愿）");
        ALL.put(DEMAND_MINE, "查看本人提交的需求");
        ALL.put(DEMAND_READ, "查看辖区需求清单");
        ALL.put(DEMAND_WRITE, "管理辖区需求清单");
        ALL.put(DEMAND_FEEDBACK, "评价并办结需求");
        ALL.put(CLAIM_WRITE, "认领需求");
        ALL.put(RESOURCE_WRITE, "登记资源");
        ALL.put(RESOURCE_READ, "查看辖区资源清单");
        ALL.put(PROJECT_READ, "查看项目清单");
        ALL.put(PROJECT_WRITE, "管理项目");
        ALL.put(PROJECT_PICK, "认领项目");
        ALL.put(MATCHING_READ, "查看匹配方案");
        ALL.put(MATCHING_WRITE, "运行匹配并采纳方案");
        ALL.put(INDICATORS_READ, "查看清单指标");
    }

    @Override
    public Map<String, String> permissions() {
        return ALL;
    }
}
