package org.redgrid.points.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.security.Guard;
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.Keys;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The hash chains of a community's accounts checked together (链路核查): every household, store and the budget,
 * each recomputed from its first line. The scheduled run logs each break as an ERROR, for the alarm on the log group.
 */
@ApplicationScoped
public class ChainAudit {

    private static final Logger LOG = Logger.getLogger(ChainAudit.class);

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    Guard guard;

    @Schema(name = "ChainAuditResult")
    public record Result(String communityCode, int accounts, boolean intact, List<PointsLedger.ChainCheck> breaks) {
    }

    /** The check as staff ask for it. */
    public Result check(String communityCode) {
        guard.require(PointsPermissions.LEDGER_READ, store.existingCommunity(communityCode).path());
        return audit(communityCode);
    }

    /** The scheduled check of one community (no caller); logs each break. */
    public Result run(String communityCode) {
        Result result = audit(communityCode);
        result.breaks().forEach(b -> LOG.errorf("points chain broken: community %s account %s at line %d: %s", communityCode,
                b.accountId(), b.firstBreak(), b.problem()));
        return result;
    }

    /** The scheduled check of every community with points (no caller). */
    public List<Result> runAll() {
        return store.query(SingleTable.BY_PARENT, Keys.COMMUNITIES, null, null, null, false, 100_000).stream()
                .map(c -> run(Attr.str(c, SingleTable.GSI1SK))).toList();
    }

    private Result audit(String communityCode) {
        List<String> accounts = new ArrayList<>();
        for (Map<String, AttributeValue> row : store.query(SingleTable.BY_PATH, Keys.households(communityCode), null, null, null,
                false, 1_000_000)) {
            accounts.add(Attr.str(row, SingleTable.PK).substring("ACCOUNT#".length()));
        }
        for (Map<String, AttributeValue> row : store.query(SingleTable.BY_PARENT, Keys.stores(communityCode), null, null, null,
                false, 100_000)) {
            accounts.add(AccountKind.STORE.accountId(Attr.str(row, SingleTable.PK).substring("STORE#".length())));
        }
        String budget = AccountKind.BUDGET.accountId(communityCode);
        if (store.table().get(Keys.account(budget), Keys.ACCOUNT_SK).isPresent()) {
            accounts.add(budget);
        }
        List<PointsLedger.ChainCheck> breaks = accounts.stream().map(ledger::verify).filter(c -> !c.intact()).toList();
        return new Result(communityCode, accounts.size(), breaks.isEmpty(), breaks);
    }
}
