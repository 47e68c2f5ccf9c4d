package org.redgrid.directory.control;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.Household;
import org.redgrid.directory.entity.Keys;
import org.redgrid.directory.entity.Totals;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;


/** Households (户): registered at a grid or building, counted on that node in the same transaction. */
@ApplicationScoped
public class Households {

    @Inject
    DirectoryStore store;

    @Inject
    People people;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    /** Registers a household; with an idempotency key, a repeat of the request answers with the household it registered. */
    public Household register(NewHousehold cmd, Idempotency.Key key) {
        return idempotency.once(store.table(), key, tx -> register(cmd, tx), Household::id, this::get);
    }

    private Household register(NewHousehold cmd, Transaction tx) {
        GridNode node = store.existingNode("nodeCode", cmd.nodeCode());
        if (!node.level().holdsHouseholds()) {
            throw ProblemException.invalidField("nodeCode", "LEVEL_MISMATCH", "住户须登记在网格或楼栋");
        }
        guard.require(DirectoryPermissions.PEOPLE_WRITE, node.path());
        String now = clock.instant().toString();
        Household household = new Household(Ids.newId(clock.instant()), node.code(), node.path(), cmd.address().trim(),
                cmd.label(), 1, now, now);
        store.table().putNew(tx, household.toItem(), () -> ProblemException.conflict("HOUSEHOLD_EXISTS", "户编号冲突，请重试"));
        new NodeTally().attach(node.code()).households(node.code(), 1).totals(node.path(), Totals.ONE_HOUSEHOLD).addTo(tx, store.table());
        return household;
    }

    public Household get(String id) {
        Household household = store.table().get(Keys.household(id), Keys.HOUSEHOLD_SK).map(Household::fromItem)
                .orElseThrow(() -> ProblemException.notFound("HOUSEHOLD_NOT_FOUND", "户不存在"));
        guard.require(DirectoryPermissions.PEOPLE_READ, household.nodePath());
        return household;
    }

    /** Members of a household the caller may see (first page of up to 100: households are small). */
    public Page<PersonSummary> members(String id) {
        get(id);
        return people.members(id, 100, null);
    }

    public Page<Household> list(String under, int limit, String cursor) {
        GridNode node = store.existingNode(under);
        guard.require(DirectoryPermissions.PEOPLE_READ, node.path());
        return store.table().underPath(Keys.households(node.path()), node.path(), limit, cursor).map(Household::fromItem);
    }
}
