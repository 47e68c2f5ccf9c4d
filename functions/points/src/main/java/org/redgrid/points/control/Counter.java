package org.redgrid.points.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.points.entity.Good;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.StatementLine;
import org.redgrid.points.entity.Store;

/**
 * The counter and the resident's own view (柜台与我的积分): the clerk finds the household by its QR code, id or the
 * start of its name within the store's community; the resident sees their household's balance, statement and QR
 * code, and the goods of their community's stores.
 */
@ApplicationScoped
public class Counter {

    /** How many households a name search shows. */
    static final int MATCHES = 10;

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    Supermarket supermarket;

    @Inject
    HouseholdAccounts accounts;

    @Inject
    PeoplePort people;

    @Inject
    QrTokens qr;

    @Inject
    Guard guard;

    /** A household as the counter shows it. */
    public record Match(String householdId, String label, String nodeCode, long balance) {
    }

    public record Lookup(Store store, List<Good> goods, List<Match> households) {
    }

    public record Me(String householdId, String label, String communityCode, long balance, Page<StatementLine> statement,
            QrTokens.Token qr) {
    }

    public record Shelf(Store store, List<Good> goods) {
    }

    public Lookup lookup(String storeId, String q) {
        Store at = supermarket.counterStore(storeId);
        String text = q == null ? "" : q.trim();
        List<Match> found = new ArrayList<>();
        if (QrTokens.looksLikeToken(text)) {
            accounts.find(qr.resolve("q", text)).filter(a -> a.communityCode().equals(at.communityCode()))
                    .ifPresent(a -> found.add(match(a)));
        } else if (!text.isEmpty()) {
            accounts.find(text).filter(a -> a.communityCode().equals(at.communityCode())).ifPresent(a -> found.add(match(a)));
            store.query(SingleTable.BY_PARENT, Keys.householdNames(at.communityCode()), text, null, null, false, MATCHES).stream()
                    .map(PointsAccount::fromItem).filter(a -> found.stream().noneMatch(m -> m.householdId().equals(a.ownerId())))
                    .forEach(a -> found.add(match(a)));
        }
        return new Lookup(at, supermarket.shelf(at.id()), found);
    }

    public Me me(int limit, String cursor) {
        PointsAccount account = myAccount();
        return new Me(account.ownerId(), account.label(), account.communityCode(), account.balance(),
                ledger.statement(account.id(), limit, cursor), qr.issue(account.ownerId()));
    }

    /** The stores of the resident's community and what they have on their shelves. */
    public List<Shelf> myStores() {
        PointsAccount account = myAccount();
        return store.query(SingleTable.BY_PARENT, Keys.stores(account.communityCode()), null, null, null, false, 1000).stream()
                .map(Store::fromItem).map(s -> new Shelf(s, supermarket.shelf(s.id()))).toList();
    }

    private PointsAccount myAccount() {
        guard.requireRole(PointsPermissions.SELF_READ);
        String household = people.byLogin(guard.caller().username()).map(PeoplePort.Resident::householdId)
                .orElseThrow(() -> ProblemException.notFound("NOT_A_HOUSEHOLD_MEMBER", "您的账号尚未关联到住户，请联系网格员"));
        Optional<PointsAccount> account = accounts.find(household);
        return account.orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "您家尚未开立积分账户，请联系网格员"));
    }

    private static Match match(PointsAccount a) {
        return new Match(a.ownerId(), a.label(), a.nodeCode(), a.balance());
    }
}
