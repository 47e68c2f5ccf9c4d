package org.redgrid.points.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jboss.logging.Logger;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.JournalEntry;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Posting;
import org.redgrid.points.entity.Rule;
import org.redgrid.points.entity.RuleKind;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A community's rule catalogue (积分规则目录), versioned, and earning by it: {@link #accrue} posts what a rule pays,
 * once per source, within the household's monthly caps — overall (the community's setting) and the rule's own —
 * enforced by conditions on the household's month counter in the entry's own transaction, so no race between two
 * accruals lets a household go over.
 */
@ApplicationScoped
public class PointsRules {

    private static final Logger LOG = Logger.getLogger(PointsRules.class);

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    HouseholdAccounts accounts;

    @Inject
    Guard guard;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    /** A new rule: its kind, name, points per unit, own monthly cap, and for inspections the scores. */
    public record NewRule(@NotNull(message = "请选择规则类型") RuleKind kind,
            @NotBlank(message = "请填写规则名称") @Size(max = 50, message = "名称最多 50 个字") String name,
            @NotNull(message = "请填写积分") @Min(value = 1, message = "积分至少为 1") @Max(value = 10_000, message = "积分最多 10000") Long points,
            @Min(value = 0, message = "月度上限不能为负") @Max(value = 1_000_000, message = "月度上限最多 1000000") Long monthlyCap,
            @Min(value = 0, message = "清洁户分数线不能为负") @Max(value = 300, message = "清洁户分数线最多 300") Long threshold,
            @Min(value = 1, message = "每项满分至少为 1") @Max(value = 100, message = "每项满分最多 100") Long maxScore) {
    }

    /** A change of a rule, made against the version read; it becomes the next version. */
    public record RuleChange(@NotBlank(message = "请填写规则名称") @Size(max = 50, message = "名称最多 50 个字") String name,
            @NotNull(message = "请填写积分") @Min(value = 1, message = "积分至少为 1") @Max(value = 10_000, message = "积分最多 10000") Long points,
            @Min(value = 0, message = "月度上限不能为负") @Max(value = 1_000_000, message = "月度上限最多 1000000") Long monthlyCap,
            @Min(value = 0, message = "清洁户分数线不能为负") @Max(value = 300, message = "清洁户分数线最多 300") Long threshold,
            @Min(value = 1, message = "每项满分至少为 1") @Max(value = 100, message = "每项满分最多 100") Long maxScore,
            @NotNull(message = "请说明规则是否启用") Boolean active,
            @NotNull(message = "请提供所修改的版本号") @Min(value = 1, message = "版本号至少为 1") Integer version) {
    }

    /** What an accrual did. */
    public record Accrual(Outcome outcome, String entryId, long points, String ruleId, Integer ruleVersion) {
        public enum Outcome {
            POSTED, ALREADY_POSTED, CAPPED, NO_RULE, NO_ACCOUNT, OTHER_COMMUNITY
        }
    }

    /** The top score of each criterion of an inspection when the rule does not say. */
    static final long DEFAULT_MAX_SCORE = 10;

    public Rule create(String communityCode, NewRule cmd, Idempotency.Key key) {
        guard.require(PointsPermissions.RULES_WRITE, store.existingCommunity(communityCode).path());
        String id = cmd.kind().single() ? cmd.kind().name() : Ids.newId(clock.instant());
        Rule rule = new Rule(communityCode, id, cmd.kind(), cmd.name().trim(), cmd.points(), orZero(cmd.monthlyCap()),
                orZero(cmd.threshold()), cmd.maxScore() == null ? DEFAULT_MAX_SCORE : cmd.maxScore(), true, 1,
                guard.caller().username(), clock.instant().toString());
        return idempotency.once(store.table(), key, tx -> {
            store.table().putNew(tx, rule.toItem(true), () -> ProblemException.conflict("RULE_EXISTS",
                    "本社区已有“" + cmd.kind().name() + "”类规则，请修改该规则"));
            store.table().putNew(tx, rule.toItem(false), () -> ProblemException.conflict("RULE_EXISTS", "规则版本已存在"));
            return rule;
        }, Rule::id, ruleId -> current(communityCode, ruleId).orElseThrow());
    }

    /** A new version of the rule; the versions before it stay readable. */
    public Rule change(String communityCode, String ruleId, RuleChange cmd) {
        guard.require(PointsPermissions.RULES_WRITE, store.existingCommunity(communityCode).path());
        Rule now = current(communityCode, ruleId).orElseThrow(() -> notFound(ruleId));
        SingleTable.requireVersion(cmd.version().longValue(), now.version());
        Rule next = new Rule(communityCode, ruleId, now.kind(), cmd.name().trim(), cmd.points(), orZero(cmd.monthlyCap()),
                orZero(cmd.threshold()), cmd.maxScore() == null ? now.maxScore() : cmd.maxScore(), cmd.active(), now.version() + 1,
                guard.caller().username(), clock.instant().toString());
        Transaction tx = new Transaction();
        store.table().putNew(tx, next.toItem(false), SingleTable::versionConflict);
        store.table().putVersioned(tx, next.toItem(true), now.version());
        store.table().commit(tx);
        return next;
    }

    public List<Rule> list(String communityCode) {
        store.requireWithin(PointsPermissions.LEDGER_READ, store.existingCommunity(communityCode));
        return store.query(SingleTable.BY_PARENT, Keys.rules(communityCode), null, null, null, false, 1000).stream()
                .map(Rule::fromItem).toList();
    }

    public List<Rule> versions(String communityCode, String ruleId) {
        store.requireWithin(PointsPermissions.LEDGER_READ, store.existingCommunity(communityCode));
        List<Rule> versions = store.query(null, Keys.rule(communityCode, ruleId), "V#", null, null, false, 1000).stream()
                .map(Rule::fromItem).toList();
        if (versions.isEmpty()) {
            throw notFound(ruleId);
        }
        return versions;
    }

    /** The rule's current version (no scope check: for the domain's own use). */
    public Optional<Rule> current(String communityCode, String ruleId) {
        return store.table().get(Keys.rule(communityCode, ruleId), Keys.RULE_CURRENT_SK, true).map(Rule::fromItem);
    }

    /**
     * Posts what the community's current rule of {@code kind} pays for {@code quantity} units to the household, at
     * most once per {@code sourceKey}, within the monthly caps (month and earning year: those of {@code at}, China
     * time). Runs its own transaction, retried while the accounts or the month counter move underneath it.
     *
     * @param communityCode the household account's community; null: the account's own. A household of the directory
     *                      without an account gets one, where it is registered.
     */
    public Accrual accrue(String communityCode, RuleKind kind, String householdId, BigDecimal quantity, String sourceKey,
            Instant at) {
        if (kind == RuleKind.MANUAL) {
            throw new IllegalArgumentException("manual awards name their rule");
        }
        Optional<PointsAccount> account = accounts.ensure(householdId);
        if (account.isEmpty()) {
            LOG.warnf("accrual %s: household %s is not in the directory; skipped", sourceKey, householdId);
            return new Accrual(Accrual.Outcome.NO_ACCOUNT, null, 0, null, null);
        }
        String community = account.get().communityCode();
        if (communityCode != null && !communityCode.equals(community)) {
            LOG.warnf("accrual %s: household %s belongs to %s, not %s; skipped", sourceKey, householdId, community, communityCode);
            return new Accrual(Accrual.Outcome.OTHER_COMMUNITY, null, 0, null, null);
        }
        Optional<Rule> found = current(community, kind.name()).filter(Rule::active);
        if (found.isEmpty()) {
            return new Accrual(Accrual.Outcome.NO_RULE, null, 0, null, null);
        }
        Rule rule = found.get();
        long points = rule.pointsFor(quantity);
        return ledger.retrying(() -> {
            Optional<String> earlier = ledger.entryOf(sourceKey);
            if (earlier.isPresent()) {
                JournalEntry entry = ledger.entry(earlier.get());
                return new Accrual(Accrual.Outcome.ALREADY_POSTED, entry.id(), credited(entry), entry.ruleId(), entry.ruleVersion());
            }
            Transaction tx = new Transaction();
            long granted = claimRoom(tx, account.get(), rule, points, Months.of(at), false);
            if (granted <= 0) {
                return new Accrual(Accrual.Outcome.CAPPED, null, 0, rule.id(), rule.version());
            }
            JournalEntry entry = post(tx, account.get(), rule, granted, rule.name() + "（" + quantity.stripTrailingZeros().toPlainString()
                    + " × " + rule.points() + "）", "system", sourceKey, sourceKey, at);
            ledger.claimSource(tx, sourceKey, entry.id());
            store.table().commit(tx);
            return new Accrual(Accrual.Outcome.POSTED, entry.id(), granted, rule.id(), rule.version());
        });
    }

    /**
     * Adds to {@code tx} the household's month counter grown by what it may still earn of {@code points} by
     * {@code rule} (the overall cap and the rule's own), conditional on the room still being there when the write
     * lands. Returns the points granted; when {@code strict}, anything short of {@code points} is refused
     * (MONTHLY_CAP_REACHED) rather than trimmed.
     */
    long claimRoom(Transaction tx, PointsAccount household, Rule rule, long points, String month, boolean strict) {
        Long overall = store.settings(household.communityCode()).householdMonthlyCap();
        String counter = Keys.earned(household.ownerId(), month);
        Map<String, AttributeValue> seen = store.table().get(counter, Keys.EARNED_SK, true).orElse(Map.of());
        String byRule = "r#" + rule.id();
        long room = points;
        if (overall != null) {
            room = Math.min(room, overall - Attr.num(seen, "total"));
        }
        if (rule.monthlyCap() > 0) {
            room = Math.min(room, rule.monthlyCap() - Attr.num(seen, byRule));
        }
        if (strict && room < points) {
            throw ProblemException.conflict("MONTHLY_CAP_REACHED", "该户本月积分已达上限，本月最多还可获得 " + Math.max(0, room) + " 积分")
                    .with("room", Math.max(0, room));
        }
        long granted = room;
        if (granted <= 0) {
            return 0;
        }
        // The condition is the cap itself: whichever accrual lands second finds less room and is tried again.
        Map<String, AttributeValue> values = new HashMap<>(SingleTable.values(":g", granted));
        String overallCap = null;
        String ruleCap = null;
        if (overall != null) {
            overallCap = "#total <= :overallRoom";
            values.put(":overallRoom", Attr.n(overall - granted));
        }
        if (rule.monthlyCap() > 0) {
            ruleCap = "attribute_not_exists(#rule) OR #rule <= :ruleRoom";
            values.put(":ruleRoom", Attr.n(rule.monthlyCap() - granted));
        }
        String caps = overallCap != null && ruleCap != null ? "(" + overallCap + " AND (" + ruleCap + "))"
                : overallCap != null ? overallCap : ruleCap;
        store.table().update(tx, SingleTable.key(counter, Keys.EARNED_SK), u -> {
            u.updateExpression("ADD #total :g, #rule :g").expressionAttributeNames(Map.of("#total", "total", "#rule", byRule))
                    .expressionAttributeValues(values);
            if (caps != null) {
                u.conditionExpression("attribute_not_exists(pk) OR " + caps);
            }
        }, PointsLedger::busy);
        return granted;
    }

    /** Posts {@code points} from the community's budget to the household by {@code rule}, earned at {@code at}. */
    JournalEntry post(Transaction tx, PointsAccount household, Rule rule, long points, String memo, String actor, String sourceKey,
            String subjectId, Instant at) {
        String budget = ledger.budget(household.communityCode(), store.existingCommunity(household.communityCode()).path());
        return ledger.post(tx, new PointsLedger.Draft(EntryKind.AWARD, household.communityCode(),
                List.of(new Posting(budget, -points), new Posting(household.id(), points)), memo, actor, sourceKey, null,
                subjectId, rule, at, null));
    }

    private static long credited(JournalEntry entry) {
        return entry.postings().stream().filter(p -> p.accountId().startsWith("HH-")).mapToLong(Posting::amount).sum();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    static ProblemException notFound(String ruleId) {
        return ProblemException.notFound("RULE_NOT_FOUND", "积分规则 " + ruleId + " 不存在");
    }
}
