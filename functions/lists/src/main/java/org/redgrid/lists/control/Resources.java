package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.lists.entity.Keys;
import org.redgrid.lists.entity.Resource;
import org.redgrid.lists.entity.ResourceStatus;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The resource list (资源清单): partner units' offers, party members' skills and time, volunteer teams; each based at
 * a node of its owner's scope, covering streets, communities or grids there, taking up to its capacity of demands a
 * month. The offered capacity is counted on the nodes of its base (resource utilisation = taken / capacity).
 */
@ApplicationScoped
public class Resources {

    private static final Set<String> COVER_LEVELS = Set.of(ListsGrid.STREET, ListsGrid.COMMUNITY, "GRID", "SPECIAL_GRID");

    @Inject
    ListsStore store;

    @Inject
    ListsGrid grid;

    @Inject
    Guard guard;

    @Inject
    Months months;

    @Inject
    Idempotency idempotency;

    public Resource offer(NewResource r, Idempotency.Key key) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < r.categories().size(); i++) {
            Checks.category(errors, "categories[" + i + "]", r.categories().get(i));
        }
        Instant from = Checks.instant(errors, "availableFrom", r.availableFrom());
        Instant to = Checks.instant(errors, "availableTo", r.availableTo());
        Checks.window(errors, "", "availableFrom", "availableTo", from, to, r.availableFrom(), r.availableTo());
        GridPort.Place base = null;
        try {
            base = grid.named("nodeCode", r.nodeCode(), COVER_LEVELS, "资源须登记在街道、社区或网格");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        List<GridPort.Place> covers = new ArrayList<>();
        List<String> coverCodes = r.covers().stream().map(String::strip).distinct().toList();
        for (int i = 0; i < coverCodes.size(); i++) {
            try {
                covers.add(grid.named("covers[" + i + "]", coverCodes.get(i), COVER_LEVELS, "服务范围须为街道、社区或网格"));
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        Checks.raise(errors);
        guard.require(ListsPermissions.RESOURCE_WRITE, base.path());
        for (GridPort.Place cover : covers) {
            guard.require(ListsPermissions.RESOURCE_WRITE, cover.path());
        }
        GridPort.Place at = base;
        return idempotency.once(store.table(), key, tx -> {
            Instant now = months.now();
            Resource created = new Resource(Ids.newId(now), r.kind(), r.name().strip(),
                    Checks.text(r.description()), at.code(), at.path(),
                    covers.stream().map(GridPort.Place::code).toList(), covers.stream().map(GridPort.Place::path).toList(),
                    r.categories().stream().distinct().toList(),
                    r.skills() == null ? List.of() : r.skills().stream().map(String::strip).distinct().toList(),
                    r.capacity(), from == null ? null : from.toString(), to == null ? null : to.toString(),
                    ResourceStatus.ACTIVE, guard.caller().username(), now.toString(), 0, 1);
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("RESOURCE_EXISTS", "资源编号冲突，请重试"));
            new Tallies().now(at.path(), "resources", 1).now(at.path(), "capacity", r.capacity()).writeTo(store.table(), tx);
            return created;
        }, Resource::id, this::load);
    }

    public Page<Resource> list(String under, ResourceStatus status, int limit, String cursor) {
        GridPort.Place place = grid.node(under);
        guard.require(ListsPermissions.RESOURCE_READ, place.path());
        return store.table().underPath(Keys.resources(status, Keys.root(place.path())), place.path(), limit, cursor)
                .map(Resource::fromItem);
    }

    public Page<Resource> mine(int limit, String cursor) {
        return store.table().byParent(Keys.resourcesOf(guard.caller().username()), limit, cursor).map(Resource::fromItem);
    }

    /** One resource with this month's demands taken, for its owner and staff in scope. */
    public Resource get(String id) {
        Resource r = load(id);
        if (!r.owner().equals(guard.caller().username()) && !guard.may(ListsPermissions.RESOURCE_READ, r.nodePath())) {
            throw ProblemException.outOfScope();
        }
        return r.withTaken(store.table().get(Keys.resource(id), Keys.load(months.current()))
                .map(item -> Attr.num(item, "taken")).orElse(0L));
    }

    /** The owner or staff of its base withdraw a resource: it takes no more claims and leaves the offered capacity. */
    public Resource withdraw(String id) {
        Resource r = load(id);
        if (!r.owner().equals(guard.caller().username()) && !guard.may(ListsPermissions.DEMAND_WRITE, r.nodePath())) {
            throw ProblemException.outOfScope();
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":active", s(ResourceStatus.ACTIVE.name()),
                ":withdrawn", s(ResourceStatus.WITHDRAWN.name()), ":one", Attr.n(1)));
        Resource.indexKeys(r.nodePath(), r.id(), ResourceStatus.WITHDRAWN).forEach((k, v) -> values.put(":" + k, v));
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.resource(id), Keys.RESOURCE_SK), u -> u
                .updateExpression("SET #status = :withdrawn, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ADD version :one")
                .conditionExpression("#status = :active").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values), Claims::notActive);
        new Tallies().now(r.nodePath(), "resources", -1).now(r.nodePath(), "capacity", -r.capacity()).writeTo(store.table(), tx);
        store.table().commit(tx);
        return load(id);
    }

    public Resource load(String id) {
        return Resource.fromItem(store.existing(Keys.resource(id), Keys.RESOURCE_SK, "RESOURCE_NOT_FOUND", "资源不存在"));
    }

    static ProblemException notYours() {
        return new ProblemException(403, "NOT_YOUR_RESOURCE", "无权访问", "只能使用本人（本单位）登记的资源");
    }
}
