package org.redgrid.points.control;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.time.Ids;
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.JournalEntry;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Posting;
import org.redgrid.points.entity.Rule;
import org.redgrid.points.entity.RuleKind;
import org.redgrid.points.entity.StatementLine;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The points ledger (积分总账): double-entry journal entries whose postings move balances, extend each account's hash
 * chain and keep the community's trial balance, all in the one transaction that writes the entry. A posting is
 * written against the account's head (sequence) as read, so two entries racing for one account cannot both land:
 * the loser re-reads and tries again ({@link #retrying}).
 */
@ApplicationScoped
public class PointsLedger {

    /** Attempts of a write whose accounts moved under it; each re-reads and re-checks everything. */
    static final int ATTEMPTS = 60;

    @Inject
    PointsStore store;

    @Inject
    Clock clock;

    /** The source key an entry made by a request carries: its idempotency record, when the request had a key. */
    public static String sourceOf(Idempotency.Key key) {
        return key == null ? null : key.recordKey();
    }

    /**
     * What the caller of {@link #post} wants written.
     *
     * @param rule     the rule version that pays an award, or null
     * @param earnedAt when an award was earned (its earning year, for expiry), or null for now
     * @param lotYear  for an expiry, the earning year whose points it takes, or null
     */
    public record Draft(EntryKind kind, String communityCode, List<Posting> postings, String memo, String actor,
            String sourceKey, String reverses, String subjectId, Rule rule, Instant earnedAt, String lotYear) {

        public Draft(EntryKind kind, String communityCode, List<Posting> postings, String memo, String actor, String sourceKey,
                String reverses, String subjectId) {
            this(kind, communityCode, postings, memo, actor, sourceKey, reverses, subjectId, null, null, null);
        }
    }

    public PointsAccount account(String accountId) {
        return store.table().get(Keys.account(accountId), Keys.ACCOUNT_SK, true).map(PointsAccount::fromItem)
                .orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "积分账户 " + accountId + " 不存在"));
    }

    public JournalEntry entry(String entryId) {
        return store.table().get(Keys.entry(entryId), Keys.ENTRY_SK, true).map(JournalEntry::fromItem)
                .orElseThrow(() -> ProblemException.notFound("ENTRY_NOT_FOUND", "分录 " + entryId + " 不存在"));
    }

    /**
     * Adds the entry to {@code tx}: the entry, one statement line and one account update per posting (conditional on
     * the head read here), the community totals and month, and for households their earning-year lots and the grid's
     * leaderboard. Refuses at once when a balance would fall below its floor.
     */
    public JournalEntry post(Transaction tx, Draft draft) {
        return post(tx, Ids.newId(clock.instant()), draft, new HashMap<>());
    }

    /** {@link #post(Transaction, Draft)}, telling {@code balancesAfter} each account's balance once the entry lands. */
    public JournalEntry post(Transaction tx, Draft draft, Map<String, Long> balancesAfter) {
        return post(tx, Ids.newId(clock.instant()), draft, balancesAfter);
    }

    /** A household's account as a posting leaves it, and the years the posting added to or took from. */
    private record Moved(PointsAccount account, long after, TreeMap<String, Long> lots, TreeMap<String, Long> earned,
            TreeMap<String, Long> years) {
    }

    private JournalEntry post(Transaction tx, String entryId, Draft draft, Map<String, Long> balancesAfter) {
        Instant instant = clock.instant();
        String now = instant.toString();
        JournalEntry original = draft.reverses() == null ? null : entry(draft.reverses());
        EntryKind flowKind = original == null ? draft.kind() : original.kind();
        Rule rule = draft.rule();
        String ruleId = rule != null ? rule.id() : original != null ? original.ruleId() : null;
        RuleKind ruleKind = rule != null ? rule.kind() : original != null ? original.ruleKind() : null;
        List<Moved> moves = new ArrayList<>();
        Map<String, TreeMap<String, Long>> lots = new HashMap<>();
        for (Posting posting : draft.postings()) {
            PointsAccount account = account(posting.accountId());
            if (!account.communityCode().equals(draft.communityCode())) {
                throw ProblemException.conflict("OTHER_COMMUNITY", "积分只能在同一社区内流转");
            }
            long after = account.balance() + posting.amount();
            if (after < account.floor()) {
                throw account.kind() == AccountKind.BUDGET
                        ? ProblemException.conflict("ISSUING_LIMIT_REACHED", "社区积分发放额度不足")
                        : ProblemException.conflict("INSUFFICIENT_POINTS", "积分余额不足").with("balance", account.balance());
            }
            Moved moved = account.kind() == AccountKind.HOUSEHOLD
                    ? household(account, after, posting.amount(), draft, original, flowKind)
                    : new Moved(account, after, account.lots(), account.earned(), new TreeMap<>());
            balancesAfter.put(account.id(), after);
            if (!moved.years().isEmpty()) {
                lots.put(account.id(), moved.years());
            }
            moves.add(moved);
        }
        JournalEntry entry = new JournalEntry(entryId, draft.kind(), draft.communityCode(), draft.postings(), draft.memo(),
                draft.actor(), draft.sourceKey(), draft.reverses(), draft.subjectId(), now, ruleId,
                rule != null ? Integer.valueOf(rule.version()) : original != null ? original.ruleVersion() : null, ruleKind, lots);
        SingleTable table = store.table();
        table.putNew(tx, entry.toItem(), () -> ProblemException.conflict("ENTRY_EXISTS", "分录编号重复，请重试"));
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, Long> month = new LinkedHashMap<>();
        long sign = flowKind == EntryKind.AWARD ? 1 : -1;
        for (int i = 0; i < moves.size(); i++) {
            Moved m = moves.get(i);
            PointsAccount account = m.account();
            long amount = entry.postings().get(i).amount();
            StatementLine line = StatementLine.chained(account.id(), account.sequence() + 1, entry.id(), entry.kind(),
                    amount, m.after(), draft.memo(), now, account.headHash());
            table.putNew(tx, line.toItem(), PointsLedger::busy);
            boolean household = account.kind() == AccountKind.HOUSEHOLD;
            table.update(tx, SingleTable.key(Keys.account(account.id()), Keys.ACCOUNT_SK), u -> u
                    .updateExpression("SET balance = :after, #seq = :next, headHash = :hash"
                            + (household ? ", lots = :lots, earned = :earned" : ""))
                    .conditionExpression("#seq = :seen")
                    .expressionAttributeNames(Map.of("#seq", "sequence"))
                    .expressionAttributeValues(household
                            ? SingleTable.values(":after", m.after(), ":next", line.sequence(), ":hash", line.hash(),
                                    ":seen", account.sequence(), ":lots", PointsAccount.amounts(m.lots()),
                                    ":earned", PointsAccount.amounts(m.earned()))
                            : SingleTable.values(":after", m.after(), ":next", line.sequence(), ":hash", line.hash(),
                                    ":seen", account.sequence())), PointsLedger::busy);
            totals.merge(account.kind().name().toLowerCase(), amount, Long::sum);
            if (household) {
                board(tx, account, m.earned());
                if (flowKind == EntryKind.AWARD && account.gridCode() != null) {
                    month.merge("g#" + account.gridCode(), amount, Long::sum);
                }
            }
        }
        // The flow (issued, redeemed, expired) is what the household side moved, reversals counting against their original's kind.
        long toHouseholds = totals.getOrDefault("household", 0L);
        String flow = flowKind.name().toLowerCase();
        totals.merge(flow, sign * toHouseholds, Long::sum);
        month.merge(flow, sign * toHouseholds, Long::sum);
        if (flowKind == EntryKind.AWARD) {
            month.merge("k#" + (ruleKind == null ? RuleKind.MANUAL : ruleKind).name(), toHouseholds, Long::sum);
            if (ruleId != null) {
                month.merge("r#" + ruleId, toHouseholds, Long::sum);
            }
        }
        add(tx, SingleTable.key(Keys.community(draft.communityCode()), Keys.TOTALS_SK), totals,
                Map.of(SingleTable.GSI1PK, Keys.COMMUNITIES, SingleTable.GSI1SK, draft.communityCode()));
        add(tx, SingleTable.key(Keys.community(draft.communityCode()), Keys.monthSk(Months.of(instant))), month, Map.of());
        return entry;
    }

    /**
     * A household's posting and its earning years: an award adds to the year it was earned; a reversal gives back
     * to (or takes from) the years its original moved; an expiry takes its own year; anything else takes the oldest
     * points first.
     */
    private Moved household(PointsAccount account, long after, long amount, Draft draft, JournalEntry original, EntryKind flowKind) {
        TreeMap<String, Long> lots = new TreeMap<>(account.lots());
        TreeMap<String, Long> earned = new TreeMap<>(account.earned());
        TreeMap<String, Long> years = new TreeMap<>();
        Map<String, Long> before = original == null ? Map.of() : original.lots().getOrDefault(account.id(), new TreeMap<>());
        if (amount > 0) {
            if (original == null) {
                years.put(Months.year(draft.earnedAt() == null ? clock.instant() : draft.earnedAt()), amount);
            } else {
                before.forEach((y, a) -> years.merge(y, -a, Long::sum));
                long rest = amount - years.values().stream().mapToLong(Long::longValue).sum();
                if (rest != 0) {
                    years.merge(Months.year(clock.instant()), rest, Long::sum);
                }
            }
            years.forEach((y, a) -> lots.merge(y, a, Long::sum));
        } else {
            List<String> order = new ArrayList<>();
            if (draft.lotYear() != null) {
                order.add(draft.lotYear());
            }
            order.addAll(before.keySet());
            order.addAll(lots.keySet());
            long need = -amount;
            for (String y : order) {
                long take = Math.min(need, lots.getOrDefault(y, 0L));
                if (take > 0) {
                    lots.merge(y, -take, Long::sum);
                    years.merge(y, -take, Long::sum);
                    need -= take;
                }
            }
        }
        lots.values().removeIf(v -> v == 0);
        if (flowKind == EntryKind.AWARD) {
            // Earned is counted in the year the award was earned, also when its reversal takes points of another year.
            (original == null ? years : before).forEach((y, a) -> earned.merge(y, original == null ? a : -a, Long::sum));
        }
        return new Moved(account, after, lots, earned, years);
    }

    /** Keeps the grid's leaderboard item of each year the posting changed the household's earnings in. */
    private void board(Transaction tx, PointsAccount account, TreeMap<String, Long> earned) {
        if (account.gridCode() == null) {
            return;
        }
        earned.forEach((year, points) -> {
            if (points.equals(account.earned().get(year))) {
                return;
            }
            Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.board(account.gridCode(), year), account.ownerId()));
            item.put("householdId", Attr.s(account.ownerId()));
            Attr.putIfPresent(item, "label", account.label());
            item.put("earned", Attr.n(points));
            item.put(SingleTable.GSI1PK, Attr.s(Keys.board(account.gridCode(), year)));
            item.put(SingleTable.GSI1SK, Attr.s(String.format("%012d#%s", Math.max(0, points), account.ownerId())));
            store.table().put(tx, item);
        });
    }

    /** Claims {@code sourceKey} for {@code entryId} in {@code tx}: a second entry from the same source cannot land. */
    public void claimSource(Transaction tx, String sourceKey, String entryId) {
        Map<String, AttributeValue> claim = new HashMap<>(SingleTable.key(Keys.source(sourceKey), Keys.SOURCE_SK));
        claim.put("entryId", Attr.s(entryId));
        store.table().putNew(tx, claim, PointsLedger::busy);
    }

    /** The entry that {@code sourceKey} caused, if any. */
    public Optional<String> entryOf(String sourceKey) {
        return store.table().get(Keys.source(sourceKey), Keys.SOURCE_SK, true).map(i -> Attr.str(i, "entryId"));
    }

    /** The entry that undoes {@code original}, at most once (the REVERSAL item names the one that did). */
    public JournalEntry reverse(Transaction tx, JournalEntry original, String memo, String actor, String sourceKey) {
        if (original.kind() == EntryKind.REVERSAL) {
            throw ProblemException.conflict("CANNOT_REVERSE_REVERSAL", "冲正分录不能再次冲正");
        }
        if (store.table().get(Keys.reversal(original.id()), Keys.REVERSAL_SK, true).isPresent()) {
            throw alreadyReversed();
        }
        // The claim goes first: when two reversals race, the loser hears "already reversed", not a balance refusal.
        String reversalId = Ids.newId(clock.instant());
        Map<String, AttributeValue> claim = new HashMap<>(SingleTable.key(Keys.reversal(original.id()), Keys.REVERSAL_SK));
        claim.put("reversalId", Attr.s(reversalId));
        store.table().putNew(tx, claim, PointsLedger::alreadyReversed);
        JournalEntry reversal = post(tx, reversalId, new Draft(EntryKind.REVERSAL, original.communityCode(), original.negated(),
                memo, actor, sourceKey, original.id(), original.subjectId()), new HashMap<>());
        return reversal;
    }

    /** Opens an account in {@code tx}; 409 ACCOUNT_EXISTS when it is open already. */
    public void open(Transaction tx, PointsAccount account) {
        store.table().putNew(tx, account.toItem(),
                () -> ProblemException.conflict("ACCOUNT_EXISTS", "积分账户 " + account.id() + " 已开立"));
    }

    /** The community's issuing budget, opened (in a transaction of its own) with the settings' limit when it is not open yet. */
    public String budget(String communityCode, String communityPath) {
        String id = AccountKind.BUDGET.accountId(communityCode);
        if (store.table().get(Keys.account(id), Keys.ACCOUNT_SK, true).isEmpty()) {
            // Not in the entry's transaction, which updates the account: one transaction touches an item once.
            Transaction opening = new Transaction();
            open(opening, PointsAccount.open(AccountKind.BUDGET, communityCode, communityCode, communityPath, communityCode,
                    -store.settings(communityCode).issuingLimit(), clock.instant().toString()));
            try {
                store.table().commit(opening);
            } catch (ProblemException raced) {
                if (!"ACCOUNT_EXISTS".equals(raced.code())) {
                    throw raced;
                }
            }
        }
        return id;
    }

    /**
     * Runs a whole read-check-write again while its accounts moved under it (another entry took the head first);
     * every attempt re-reads balances, so refusals (insufficient points, out of stock) are judged on fresh data.
     */
    public <T> T retrying(Supplier<T> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return write.get();
            } catch (ProblemException e) {
                boolean contended = "LEDGER_BUSY".equals(e.code()) || "CONCURRENT_CHANGE".equals(e.code());
                if (!contended || attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + 5L * Math.min(attempt, 10)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** An account's lines, newest first (对账单). */
    public Page<StatementLine> statement(String accountId, int limit, String cursor) {
        return store.table().partition(Keys.postings(accountId), true, limit, cursor).map(StatementLine::fromItem);
    }

    /** The outcome of recomputing a chain: how many lines were checked and the first that does not hold, if any. */
    public record ChainCheck(String accountId, long checked, boolean intact, Long firstBreak, String problem) {
    }

    /**
     * Recomputes an account's chain from its first line: sequence, link to the previous hash, own hash, running
     * balance, and agreement with its journal entry; then the account's head and balance against the last line.
     */
    public ChainCheck verify(String accountId) {
        PointsAccount account = account(accountId);
        List<StatementLine> lines = store.table().partition(Keys.postings(accountId)).stream().map(StatementLine::fromItem).toList();
        Map<String, JournalEntry> entries = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        lines.forEach(l -> keys.add(SingleTable.key(Keys.entry(l.entryId()), Keys.ENTRY_SK)));
        store.table().getAll(keys).stream().map(JournalEntry::fromItem).forEach(e -> entries.put(e.id(), e));
        String previous = PointsAccount.GENESIS;
        long balance = 0;
        long sequence = 0;
        for (StatementLine line : lines) {
            sequence++;
            String problem = line.sequence() != sequence ? "流水序号不连续"
                    : !line.previousHash().equals(previous) ? "前序哈希不符"
                    : !line.hash().equals(line.expectedHash()) ? "流水内容与哈希不符"
                    : line.balanceAfter() != balance + line.amount() ? "余额不连续"
                    : !inEntry(entries.get(line.entryId()), line) ? "流水与分录不符" : null;
            if (problem != null) {
                return new ChainCheck(accountId, sequence, false, sequence, problem);
            }
            previous = line.hash();
            balance = line.balanceAfter();
        }
        if (account.sequence() != sequence || !account.headHash().equals(previous) || account.balance() != balance) {
            return new ChainCheck(accountId, sequence, false, sequence + 1, "账户余额或链头与流水不符");
        }
        return new ChainCheck(accountId, sequence, true, null, null);
    }

    private static boolean inEntry(JournalEntry entry, StatementLine line) {
        return entry != null && entry.kind() == line.kind()
                && entry.postings().stream().anyMatch(p -> p.accountId().equals(line.accountId()) && p.amount() == line.amount());
    }

    /**
     * A community's trial balance (试算平衡表): points issued, redeemed, expired; what households hold (outstanding),
     * what stores took in, and the issuing budget's balance. Accounts sum to zero; issued − redeemed − expired =
     * outstanding.
     */
    public record TrialBalance(String communityCode, long issued, long redeemed, long expired, long outstanding, long stores,
            long budget, boolean balanced) {
    }

    public TrialBalance trialBalance(String communityCode) {
        Map<String, AttributeValue> t = store.table().get(Keys.community(communityCode), Keys.TOTALS_SK, true).orElse(Map.of());
        long issued = Attr.num(t, "award");
        long redeemed = Attr.num(t, "redemption");
        long expired = Attr.num(t, "expiry");
        long outstanding = Attr.num(t, "household");
        long stores = Attr.num(t, "store");
        long budget = Attr.num(t, "budget");
        boolean balanced = outstanding + stores + budget == 0 && issued - redeemed - expired == outstanding && redeemed == stores;
        return new TrialBalance(communityCode, issued, redeemed, expired, outstanding, stores, budget, balanced);
    }

    private void add(Transaction tx, Map<String, AttributeValue> key, Map<String, Long> amounts, Map<String, String> set) {
        StringBuilder expression = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, Long> e : amounts.entrySet()) {
            expression.append(i == 0 ? "" : ", ").append("#a").append(i).append(" :a").append(i);
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, Attr.n(e.getValue()));
            i++;
        }
        int j = 0;
        for (Map.Entry<String, String> e : set.entrySet()) {
            expression.append(j == 0 ? " SET " : ", ").append("#s").append(j).append(" = :s").append(j);
            names.put("#s" + j, e.getKey());
            values.put(":s" + j, Attr.s(e.getValue()));
            j++;
        }
        store.table().update(tx, key, u -> u.updateExpression(expression.toString()).expressionAttributeNames(names)
                .expressionAttributeValues(values), PointsLedger::busy);
    }

    private static ProblemException alreadyReversed() {
        return ProblemException.conflict("ALREADY_REVERSED", "该分录已冲正，不能重复冲正");
    }

    /** The head of an account moved between the read and the write: another entry got there first. */
    static ProblemException busy() {
        return ProblemException.conflict("LEDGER_BUSY", "账户正被同时记账，请稍后重试");
    }
}
