package org.redgrid.points.control;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;

/**
 * Households' points accounts (户积分账户) as the directory knows the households: an account is opened only for a
 * household the directory has, where it is registered, under its label, in its grid's leaderboard.
 */
@ApplicationScoped
public class HouseholdAccounts {

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    PeoplePort people;

    @Inject
    Clock clock;

    /** The household as the directory has it; 400 on {@code field} when it has none with this id. */
    public PeoplePort.Household inDirectory(String field, String householdId) {
        return people.household(householdId).orElseThrow(() -> ProblemException.invalidField(field, "HOUSEHOLD_NOT_FOUND",
                "住户 " + householdId + " 不在网格名册中"));
    }

    /** The account to open for a household of the directory (not yet written). */
    public PointsAccount newAccount(PeoplePort.Household household) {
        PointsStore.Located at = store.locate("householdId", household.nodeCode());
        String grid = store.gridOf(at.node()).map(p -> p.code()).orElse(null);
        String label = household.label() == null || household.label().isBlank() ? household.address() : household.label();
        return PointsAccount.open(AccountKind.HOUSEHOLD, household.id(), at.node().code(), at.node().path(), at.community().code(),
                grid, label, 0, clock.instant().toString());
    }

    public Optional<PointsAccount> find(String householdId) {
        return store.table().get(Keys.account(AccountKind.HOUSEHOLD.accountId(householdId)), Keys.ACCOUNT_SK, true)
                .map(PointsAccount::fromItem);
    }

    /**
     * The household's account, opened (in a transaction of its own) when the directory has the household and it has
     * none yet; empty when the directory does not know the household.
     */
    public Optional<PointsAccount> ensure(String householdId) {
        Optional<PointsAccount> open = find(householdId);
        if (open.isPresent()) {
            return open;
        }
        Optional<PeoplePort.Household> household = people.household(householdId);
        if (household.isEmpty()) {
            return Optional.empty();
        }
        PointsAccount account = newAccount(household.get());
        Transaction opening = new Transaction();
        ledger.open(opening, account);
        try {
            store.table().commit(opening);
            return Optional.of(account);
        } catch (ProblemException raced) {
            if (!"ACCOUNT_EXISTS".equals(raced.code())) {
                throw raced;
            }
            return find(householdId);
        }
    }
}
