package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
import org.redgrid.lists.entity.ResourceKind;
import org.redgrid.lists.entity.ResourceStatus;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;

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

    @Inject
    SheetImports imports;

    /** A resource's base and covers as checked against the tree. */
    private record Places(GridPort.Place base, List<GridPort.Place> covers) {
    }

    public Resource offer(NewResource r, Idempotency.Key key) {
        Places at = checked(r, "");
        authorize(at);
        return idempotency.once(store.table(), key, tx -> write(tx, r, at, Ids.newId(months.now()),
                () -> ProblemException.conflict("RESOURCE_EXISTS", "资源编号冲突，请重试")), Resource::id, this::load);
    }

    /** Imports the rows of a sheet (see {@link SheetImports}): every row's base and covers in the caller's scope. */
    public Imported importRows(List<NewResource> rows, Idempotency.Key key) {
        List<Places> places = imports.checked(rows, this::checked);
        places.forEach(this::authorize);
        return imports.write(rows.size(), key, (tx, i, id, exists) -> write(tx, rows.get(i), places.get(i), id, exists));
    }

    /**
     * The owner or staff of its base edit an active resource: every field but its base and kind, conditional on the
     * version read. A capacity below what it took this month is refused on the month's load item, and the offered
     * capacity on the nodes of its base moves by the difference, all in one transaction.
     */
    public Resource edit(String id, NewResource r) {
        Resource current = load(id);
        mayChange(current);
        if (current.status() != ResourceStatus.ACTIVE) {
            throw ProblemException.conflict("RESOURCE_WITHDRAWN", "资源已撤回，不能修改");
        }
        SingleTable.requireVersion(r.version(), current.version());
        Places at = checked(r, "");
        if (!at.base().code().equals(current.nodeCode())) {
            throw ProblemException.invalidField("nodeCode", "BASE_FIXED", "资源所在节点不能修改；如需更换，请撤回后重新登记");
        }
        authorize(at);
        Resource edited = build(r, at, current.id(), current.kind(), current.owner(), current.createdAt(), current.version() + 1);
        Transaction tx = new Transaction();
        store.table().putVersioned(tx, edited.toItem(), current.version());
        if (edited.capacity() < current.capacity()) {
            tx.check(ConditionCheck.builder().tableName(store.table().name())
                    .key(SingleTable.key(Keys.resource(id), Keys.load(months.current())))
                    .conditionExpression("attribute_not_exists(taken) OR taken <= :capacity")
                    .expressionAttributeValues(Map.of(":capacity", Attr.n(edited.capacity()))).build(),
                    () -> ProblemException.conflict("CAPACITY_BELOW_TAKEN", "本月已承接的需求多于新的每月可承接数"));
        }
        if (edited.capacity() != current.capacity()) {
            // the base is fixed: the offered capacity moves on the same nodes
            new Tallies().now(current.nodePath(), "capacity", edited.capacity() - current.capacity()).writeTo(store.table(), tx);
        }
        store.table().commit(tx);
        return get(id);
    }

    public Page<Resource> list(String under, ResourceStatus status, int limit, String cursor) {
        GridPort.Place place = grid.node(under);
        guard.require(ListsPermissions.RESOURCE_READ, place.path());
        return withTaken(store.table().underPath(Keys.resources(status, Keys.root(place.path())), place.path(), limit, cursor)
                .map(Resource::fromItem));
    }

    public Page<Resource> mine(int limit, String cursor) {
        return withTaken(store.table().byParent(Keys.resourcesOf(guard.caller().username()), limit, cursor).map(Resource::fromItem));
    }

    /** A page of resources with the demands each took this month. */
    private Page<Resource> withTaken(Page<Resource> page) {
        return new Page<>(withTaken(page.items()), page.nextCursor());
    }

    /** Resources with the demands each took this month: one BatchGet of their load items (100 keys a call). */
    List<Resource> withTaken(List<Resource> resources) {
        String month = months.current();
        Map<String, Long> taken = new HashMap<>();
        store.table().getAll(resources.stream().map(r -> SingleTable.key(Keys.resource(r.id()), Keys.load(month))).toList())
                .forEach(item -> taken.put(Attr.str(item, SingleTable.PK), Attr.num(item, "taken")));
        return resources.stream().map(r -> r.withTaken(taken.getOrDefault(Keys.resource(r.id()), 0L))).toList();
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
        mayChange(r);
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

    /** Its owner and staff of its base change a resource. */
    private void mayChange(Resource r) {
        if (!r.owner().equals(guard.caller().username()) && !guard.may(ListsPermissions.DEMAND_WRITE, r.nodePath())) {
            throw ProblemException.outOfScope();
        }
    }

    /** Checks a resource's fields and finds its base and covers; {@code prefix} names an imported row ("rows[3]."). */
    private Places checked(NewResource r, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < r.categories().size(); i++) {
            Checks.category(errors, prefix + "categories[" + i + "]", r.categories().get(i));
        }
        Instant from = Checks.instant(errors, prefix + "availableFrom", r.availableFrom());
        Instant to = Checks.instant(errors, prefix + "availableTo", r.availableTo());
        Checks.window(errors, prefix, "availableFrom", "availableTo", from, to, r.availableFrom(), r.availableTo());
        GridPort.Place base = null;
        try {
            base = grid.named(prefix + "nodeCode", r.nodeCode(), COVER_LEVELS, "资源须登记在街道、社区或网格");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        List<GridPort.Place> covers = new ArrayList<>();
        List<String> coverCodes = r.covers().stream().map(String::strip).distinct().toList();
        for (int i = 0; i < coverCodes.size(); i++) {
            try {
                covers.add(grid.named(prefix + "covers[" + i + "]", coverCodes.get(i), COVER_LEVELS, "服务范围须为街道、社区或网格"));
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        Checks.raise(errors);
        return new Places(base, covers);
    }

    /** The caller offers only within their scope: its base and every area it covers. */
    private void authorize(Places at) {
        guard.require(ListsPermissions.RESOURCE_WRITE, at.base().path());
        for (GridPort.Place cover : at.covers()) {
            guard.require(ListsPermissions.RESOURCE_WRITE, cover.path());
        }
    }

    private Resource write(Transaction tx, NewResource r, Places at, String id, Supplier<ProblemException> exists) {
        Resource created = build(r, at, id, r.kind(), guard.caller().username(), months.now().toString(), 1);
        store.table().putNew(tx, created.toItem(), exists);
        new Tallies().now(at.base().path(), "resources", 1).now(at.base().path(), "capacity", r.capacity()).writeTo(store.table(), tx);
        return created;
    }

    private static Resource build(NewResource r, Places at, String id, ResourceKind kind, String owner, String createdAt,
            long version) {
        return new Resource(id, kind, r.name().strip(), Checks.text(r.description()), at.base().code(), at.base().path(),
                at.covers().stream().map(GridPort.Place::code).toList(), at.covers().stream().map(GridPort.Place::path).toList(),
                r.categories().stream().distinct().toList(),
                r.skills() == null ? List.of() : r.skills().stream().map(String::strip).distinct().toList(),
                r.capacity(), r.hoursPerMonth(), normalized(r.availableFrom()), normalized(r.availableTo()),
                ResourceStatus.ACTIVE, owner, createdAt, 0, version);
    }

    /** An instant as stored (checked before): its ISO text, or absent. */
    private static String normalized(String instant) {
        return instant == null || instant.isBlank() ? null : Instant.parse(instant).toString();
    }

    static ProblemException notYours() {
        return new ProblemException(403, "NOT_YOUR_RESOURCE", "无权访问", "只能使用本人（本单位）登记的资源");
    }
}
