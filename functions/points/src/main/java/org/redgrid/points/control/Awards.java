package org.redgrid.points.control;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.Award;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.JournalEntry;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Posting;
import org.redgrid.points.entity.Rule;
import org.redgrid.points.entity.RuleKind;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Household accounts and manual awards (开户与人工奖励). Every award keeps who gave it and why (the award record is
 * the audit trail); above the community's threshold it waits for a second person's approval before it posts.
 */
@ApplicationScoped
public class Awards {

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsRules rules;

    @Inject
    HouseholdAccounts accounts;

    @Inject
    Guard guard;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    /**
     * A household of the directory to give a points account (户积分账户); it is opened where the directory has the
     * household registered ({@code nodeCode}, when given, must be that node).
     */
    public record NewAccount(@NotBlank(message = "请指定住户") @Size(max = 64, message = "住户编号最多 64 个字符") String householdId,
            @Size(max = 64, message = "节点编码最多 64 个字符") String nodeCode) {
    }

    /** Points for a household, and why; optionally under a manual-award category of the catalogue (its caps apply). */
    public record NewAward(@NotBlank(message = "请指定住户") String householdId,
            @NotNull(message = "请填写积分") @Min(value = 1, message = "积分至少为 1") @Max(value = 100_000, message = "单次奖励最多 100000 积分") Long points,
            @NotBlank(message = "请填写奖励理由") @Size(max = 200, message = "理由最多 200 个字") String reason,
            @Size(max = 64, message = "规则编号最多 64 个字符") String ruleId) {
    }

    public PointsAccount open(NewAccount cmd, Idempotency.Key key) {
        PeoplePort.Household household = accounts.inDirectory("householdId", cmd.householdId());
        if (cmd.nodeCode() != null && !cmd.nodeCode().equals(household.nodeCode())) {
            throw ProblemException.invalidField("nodeCode", "NODE_MISMATCH", "该户登记在 " + household.nodeCode() + "，不在 " + cmd.nodeCode());
        }
        guard.require(PointsPermissions.AWARD_WRITE, household.path());
        PointsAccount account = accounts.newAccount(household);
        return idempotency.once(store.table(), key, tx -> {
            ledger.open(tx, account);
            return account;
        }, PointsAccount::id, ledger::account);
    }

    public Award award(NewAward cmd, Idempotency.Key key) {
        PointsAccount household = householdAccount(cmd.householdId());
        guard.require(PointsPermissions.AWARD_WRITE, household.path());
        Rule category = cmd.ruleId() == null ? null : manualRule(household, cmd.ruleId());
        long threshold = store.settings(household.communityCode()).approvalThreshold();
        return ledger.retrying(() -> idempotency.once(store.table(), key, tx -> {
            Award award = new Award(Ids.newId(clock.instant()), cmd.householdId(), household.communityCode(), cmd.points(),
                    cmd.reason(), cmd.ruleId(), guard.caller().username(), clock.instant().toString(), Award.PENDING, null, null);
            if (cmd.points() > threshold) {
                store.table().putNew(tx, award.toItem(), Awards::exists);
                return award;
            }
            Award posted = award.posted(null, post(tx, award, household, category, PointsLedger.sourceOf(key)).id());
            store.table().putNew(tx, posted.toItem(), Awards::exists);
            return posted;
        }, Award::id, this::get));
    }

    /** The second person's approval: posts a pending award, once. */
    public Award approve(String awardId) {
        Award pending = get(awardId);
        guard.require(PointsPermissions.AWARD_APPROVE, householdAccount(pending.householdId()).path());
        if (!Award.PENDING.equals(pending.status())) {
            throw ProblemException.conflict("AWARD_NOT_PENDING", "该奖励不在待审批状态");
        }
        String approver = guard.caller().username();
        if (approver.equals(pending.awardedBy())) {
            throw ProblemException.conflict("SECOND_PERSON_REQUIRED", "超过限额的奖励须由另一人审批");
        }
        return ledger.retrying(() -> {
            Transaction tx = new Transaction();
            PointsAccount household = householdAccount(pending.householdId());
            Rule category = pending.ruleId() == null ? null : manualRule(household, pending.ruleId());
            Award posted = pending.posted(approver, post(tx, pending, household, category, Keys.award(awardId)).id());
            store.table().update(tx, SingleTable.key(Keys.award(awardId), Keys.AWARD_SK), u -> u
                    .updateExpression("SET #status = :posted, approvedBy = :approver, entryId = :entry REMOVE gsi1pk, gsi1sk")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(SingleTable.values(":posted", Award.POSTED, ":approver", approver,
                            ":entry", posted.entryId(), ":pending", Award.PENDING)),
                    () -> ProblemException.conflict("AWARD_NOT_PENDING", "该奖励不在待审批状态"));
            store.table().commit(tx);
            return posted;
        });
    }

    /** A community's awards waiting for approval, oldest first (待审批). */
    public Page<Award> pending(String communityCode, int limit, String cursor) {
        guard.require(PointsPermissions.AWARD_APPROVE, store.existingCommunity(communityCode).path());
        return store.table().byParent(Keys.pendingAwards(communityCode), limit, cursor).map(Award::fromItem);
    }

    public Award get(String awardId) {
        return store.table().get(Keys.award(awardId), Keys.AWARD_SK, true).map(Award::fromItem)
                .orElseThrow(() -> ProblemException.notFound("AWARD_NOT_FOUND", "奖励 " + awardId + " 不存在"));
    }

    /** The account of a household that a request names, or 404. */
    public PointsAccount householdAccount(String householdId) {
        return ledger.account(AccountKind.HOUSEHOLD.accountId(householdId));
    }

    /** Posts the award; under a category, the household's monthly caps must have room for all of it. */
    private JournalEntry post(Transaction tx, Award award, PointsAccount household, Rule category, String sourceKey) {
        if (category != null) {
            rules.claimRoom(tx, household, category, award.points(), Months.of(clock.instant()), true);
        }
        String budget = ledger.budget(household.communityCode(), store.existingCommunity(household.communityCode()).path());
        return ledger.post(tx, new PointsLedger.Draft(EntryKind.AWARD, household.communityCode(),
                List.of(new Posting(budget, -award.points()), new Posting(household.id(), award.points())),
                "人工奖励：" + award.reason(), award.awardedBy(), sourceKey, null, award.id(), category, null, null));
    }

    /** An active manual-award category of the household's community; 400 on ruleId otherwise. */
    private Rule manualRule(PointsAccount household, String ruleId) {
        return rules.current(household.communityCode(), ruleId).filter(r -> r.kind() == RuleKind.MANUAL && r.active())
                .orElseThrow(() -> ProblemException.invalidField("ruleId", "RULE_NOT_FOUND", "本社区没有启用的人工奖励类别 " + ruleId));
    }

    private static ProblemException exists() {
        return ProblemException.conflict("AWARD_EXISTS", "奖励编号重复，请重试");
    }
}
