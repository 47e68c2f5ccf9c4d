package org.redgrid.points.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** What the caller of {@link #post} wants written. */
    public record Draft(EntryKind kind, String communityCode, List<Posting> postings, String memo, String actor,
            String sourceKey, String reverses, String subjectId) {
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
     * the head read here), and the community totals. Refuses at once when a balance would fall below its floor.
     */
    public JournalEntry post(Transaction tx, Draft draft) {
        return post(tx, Ids.newId(clock.instant()), draft);
    }

    private JournalEntry post(Transaction tx, String entryId, Draft draft) {
        String now = clock.instant().toString();
        JournalEntry entry = new JournalEntry(entryId, draft.kind(), draft.communityCode(), draft.postings(),
                draft.memo(), draft.actor(), draft.sourceKey(), draft.reverses(), draft.subjectId(), now);
        SingleTable table = store.table();
        table.putNew(tx, entry.toItem(), () -> ProblemException.conflict("ENTRY_EXISTS", "分录编号重复，请重试"));
        EntryKind flowKind = draft.reverses() == null ? draft.kind() : entry(draft.reverses()).kind();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Posting posting : entry.postings()) {
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
            StatementLine line = StatementLine.chained(account.id(), account.sequence() + 1, entry.id(), entry.kind(),
                    posting.amount(), after, draft.memo(), now, account.headHash());
            table.putNew(tx, line.toItem(), PointsLedger::busy);
            table.update(tx, SingleTable.key(Keys.account(account.id()), Keys.ACCOUNT_SK), u -> u
                    .updateExpression("SET balance = :after, #seq = :next, headHash = :hash")
                    .conditionExpression("#seq = :seen")
                    .expressionAttributeNames(Map.of("#seq", "sequence"))
                    .expressionAttributeValues(SingleTable.values(":after", after, ":next", line.sequence(), ":hash", line.hash(),
                            ":seen", account.sequence())), PointsLedger::busy);
            totals.merge(account.kind().name().toLowerCase(), posting.amount(), Long::sum);
        }
        // The flow (issued, redeemed, expired) is what the household side moved, reversals counting against their original's kind.
        long toHouseholds = totals.getOrDefault("household", 0L);
        totals.merge(flowKind.name().toLowerCase(), flowKind == EntryKind.AWARD ? toHouseholds : -toHouseholds, Long::sum);
        addToTotals(tx, draft.communityCode(), totals);
        return entry;
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
                memo, actor, sourceKey, original.id(), original.subjectId()));
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

    private void addToTotals(Transaction tx, String communityCode, Map<String, Long> amounts) {
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
        store.table().update(tx, SingleTable.key(Keys.community(communityCode), Keys.TOTALS_SK), u -> u
                .updateExpression(expression.toString()).expressionAttributeNames(names).expressionAttributeValues(values),
                PointsLedger::busy);
    }

    private static ProblemException alreadyReversed() {
        return ProblemException.conflict("ALREADY_REVERSED", "该分录已冲正，不能重复冲正");
    }

    /** The head of an account moved between the read and the write: another entry got there first. */
    static ProblemException busy() {
        return ProblemException.conflict("LEDGER_BUSY", "账户正被同时记账，请稍后重试");
    }
}
