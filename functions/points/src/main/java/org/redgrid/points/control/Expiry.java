package org.redgrid.points.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.JournalEntry;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Posting;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The community's expiry policy applied (积分过期): points earned in year Y and still unspent expire
 * {@code expiryMonths} after Y ends, as EXPIRY entries (household → budget) that take exactly that year's lot of
 * each household — never points earned later — once per household and year (the entry's source key).
 */
@ApplicationScoped
public class Expiry {

    private static final Logger LOG = Logger.getLogger(Expiry.class);

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    Guard guard;

    /** One household's year that expires (or expired: with its entry). */
    public record Item(String householdId, String year, long points, String entryId) {
    }

    @Schema(name = "ExpiryResult")
    public record Result(String communityCode, String asOf, int households, long points, List<Item> items) {
    }

    /** What would expire as of {@code asOf}, for staff who may correct the ledger. */
    public Result preview(String communityCode, Instant asOf) {
        guard.require(PointsPermissions.LEDGER_CORRECT, store.existingCommunity(communityCode).path());
        return due(communityCode, asOf, false);
    }

    /** Applies the policy as of {@code asOf}, for staff who may correct the ledger. */
    public Result apply(String communityCode, Instant asOf) {
        guard.require(PointsPermissions.LEDGER_CORRECT, store.existingCommunity(communityCode).path());
        return due(communityCode, asOf, true);
    }

    /** The scheduled run over one community (no caller). */
    public Result run(String communityCode, Instant asOf) {
        return due(communityCode, asOf, true);
    }

    /** The scheduled run over every community with points (no caller). */
    public List<Result> runAll(Instant asOf) {
        List<Result> results = new ArrayList<>();
        for (Map<String, AttributeValue> c : store.query(SingleTable.BY_PARENT,
                Keys.COMMUNITIES, null, null, null, false, 100_000)) {
            String community = Attr.str(c, SingleTable.GSI1SK);
            if (store.settings(community).expiryMonths() != null) {
                results.add(run(community, asOf));
            }
        }
        return results;
    }

    private Result due(String communityCode, Instant asOf, boolean apply) {
        Integer months = store.settings(communityCode).expiryMonths();
        if (months == null) {
            throw ProblemException.conflict("NO_EXPIRY_POLICY", "本社区未设置积分有效期");
        }
        List<Item> items = new ArrayList<>();
        int households = 0;
        for (Map<String, AttributeValue> row : store.query(SingleTable.BY_PATH,
                Keys.households(communityCode), null, null, null, false, 1_000_000)) {
            PointsAccount account = PointsAccount.fromItem(row);
            boolean any = false;
            for (Map.Entry<String, Long> lot : account.lots().entrySet()) {
                if (lot.getValue() <= 0 || deadline(lot.getKey(), months).isAfter(asOf)) {
                    continue;
                }
                any = true;
                items.add(apply ? expire(account, lot.getKey()) : new Item(account.ownerId(), lot.getKey(), lot.getValue(), null));
            }
            households += any ? 1 : 0;
        }
        long points = items.stream().mapToLong(Item::points).sum();
        if (apply && points > 0) {
            LOG.infof("expiry %s as of %s: %d points of %d households", communityCode, asOf, points, households);
        }
        return new Result(communityCode, asOf.toString(), households, points, items);
    }

    /** The source key of the expiry of a household's year: once per household and year. */
    static String source(String householdId, String year) {
        return "EXPIRY#" + householdId + "#" + year;
    }

    /** When the points earned in {@code year} expire: {@code months} after the year ends, China time. */
    static Instant deadline(String year, int months) {
        return Months.start(LocalDate.of(Integer.parseInt(year) + 1, 1, 1).plusMonths(months));
    }

    /** Posts the expiry of one household's year, once; the lot as it stands when the entry lands. */
    private Item expire(PointsAccount seen, String year) {
        String source = source(seen.ownerId(), year);
        return ledger.retrying(() -> {
            Optional<String> earlier = ledger.entryOf(source);
            if (earlier.isPresent()) {
                JournalEntry entry = ledger.entry(earlier.get());
                return new Item(seen.ownerId(), year, -entry.postings().stream().filter(p -> p.accountId().equals(seen.id()))
                        .mapToLong(Posting::amount).sum(), entry.id());
            }
            PointsAccount account = ledger.account(seen.id());
            long points = account.lots().getOrDefault(year, 0L);
            if (points <= 0) {
                return new Item(seen.ownerId(), year, 0, null);
            }
            String budget = ledger.budget(account.communityCode(), store.existingCommunity(account.communityCode()).path());
            Transaction tx = new Transaction();
            JournalEntry entry = ledger.post(tx, new PointsLedger.Draft(EntryKind.EXPIRY, account.communityCode(),
                    List.of(new Posting(account.id(), -points), new Posting(budget, points)), year + " 年积分过期", "system",
                    source, null, null, null, null, year));
            ledger.claimSource(tx, source, entry.id());
            store.table().commit(tx);
            return new Item(seen.ownerId(), year, points, entry.id());
        });
    }
}
