package org.redgrid.points.control;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.JournalEntry;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.StatementLine;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger as staff use it (账务): reading accounts and chains, trial balances, corrections, community settings. */
@ApplicationScoped
public class Bookkeeping {

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    Guard guard;

    @Inject
    Idempotency idempotency;

    /** Why an entry is reversed. */
    public record Correction(@NotBlank(message = "请填写冲正理由") @Size(max = 200, message = "理由最多 200 个字") String reason) {
    }

    public PointsAccount account(String accountId) {
        PointsAccount account = ledger.account(accountId);
        guard.require(PointsPermissions.LEDGER_READ, account.path());
        return account;
    }

    public Page<StatementLine> statement(String accountId, int limit, String cursor) {
        account(accountId);
        return ledger.statement(accountId, limit, cursor);
    }

    public PointsLedger.ChainCheck verify(String accountId) {
        account(accountId);
        return ledger.verify(accountId);
    }

    public PointsLedger.TrialBalance trialBalance(String communityCode) {
        guard.require(PointsPermissions.LEDGER_READ, store.existingCommunity(communityCode).path());
        return ledger.trialBalance(communityCode);
    }

    /** Reverses an award or expiry entry (a redemption is cancelled at the counter, which also restores the stock). */
    public JournalEntry reverse(String entryId, Correction cmd, Idempotency.Key key) {
        JournalEntry original = ledger.entry(entryId);
        guard.require(PointsPermissions.LEDGER_CORRECT, store.existingCommunity(original.communityCode()).path());
        if (original.kind() == EntryKind.REDEMPTION) {
            throw ProblemException.conflict("CANCEL_AT_COUNTER", "兑换分录请在柜台撤销兑换，以便库存同时退回");
        }
        return ledger.retrying(() -> idempotency.once(store.table(), key,
                tx -> ledger.reverse(tx, original, "冲正：" + cmd.reason(), guard.caller().username(), PointsLedger.sourceOf(key)),
                JournalEntry::id, ledger::entry));
    }

    public CommunitySettings settings(String communityCode, CommunitySettings settings) {
        GridPort.Place community = store.existingCommunity(communityCode);
        guard.require(PointsPermissions.SETTINGS_WRITE, community.path());
        Transaction tx = new Transaction();
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.community(communityCode), Keys.SETTINGS_SK));
        item.put("approvalThreshold", Attr.n(settings.approvalThreshold()));
        item.put("issuingLimit", Attr.n(settings.issuingLimit()));
        if (settings.householdMonthlyCap() != null) {
            item.put("householdMonthlyCap", Attr.n(settings.householdMonthlyCap()));
        }
        if (settings.expiryMonths() != null) {
            item.put("expiryMonths", Attr.n(settings.expiryMonths()));
        }
        store.table().put(tx, item);
        // The budget's floor follows the limit, in the same transaction; an unopened budget takes it when it opens.
        String budget = Keys.account(AccountKind.BUDGET.accountId(communityCode));
        if (store.table().get(budget, Keys.ACCOUNT_SK, true).isPresent()) {
            store.table().update(tx, SingleTable.key(budget, Keys.ACCOUNT_SK), u -> u.updateExpression("SET #floor = :floor")
                    .expressionAttributeNames(Map.of("#floor", "floor"))
                    .expressionAttributeValues(SingleTable.values(":floor", -settings.issuingLimit())), PointsLedger::busy);
        }
        store.table().commit(tx);
        return settings;
    }
}
