package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.lists.entity.Demand;
import org.redgrid.lists.entity.DemandSource;
import org.redgrid.lists.entity.DemandStatus;
import org.redgrid.lists.entity.Keys;
import org.redgrid.lists.entity.Resource;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demand list (需求清单): residents submit needs and 微心愿 on the phone, grid staff note them after home visits or
 * import a sheet; members and partner units claim them (秒认领); the claimant marks one done and the beneficiary
 * closes it with feedback. Every change moves the demand between its lists and the indicators in one transaction.
 */
@ApplicationScoped
public class Demands {

    @Inject
    ListsStore store;

    @Inject
    ListsGrid grid;

    @Inject
    Guard guard;

    @Inject
    Months months;

    @Inject
    PeoplePort people;

    @Inject
    Beneficiaries beneficiaries;

    @Inject
    Idempotency idempotency;

    @Inject
    Claims claims;

    @Inject
    Resources resources;

    @Inject
    SheetImports imports;

    public Demand submit(NewDemand d, Idempotency.Key key) {
        GridPort.Place place = checked(d, "");
        DemandSource source = source(place);
        NewDemand demand = source == DemandSource.PHONE ? residents(d, place) : d;
        return idempotency.once(store.table(), key, tx -> write(tx, demand, place, source, Ids.newId(months.now()),
                () -> ProblemException.conflict("DEMAND_EXISTS", "需求编号冲突，请重试")), Demand::id, this::load);
    }

    /** Imports the rows of a sheet (see {@link SheetImports}): staff whose scope covers every row's grid. */
    public Imported importRows(List<NewDemand> rows, Idempotency.Key key) {
        List<GridPort.Place> places = imports.checked(rows, this::checked);
        for (GridPort.Place place : places) {
            guard.require(ListsPermissions.DEMAND_WRITE, place.path());
        }
        return imports.write(rows.size(), key, (tx, i, id, exists) -> write(tx, rows.get(i), places.get(i), DemandSource.IMPORT, id, exists));
    }

    public Page<Demand> list(String under, DemandStatus status, String category, int limit, String cursor) {
        GridPort.Place place = grid.node(under);
        guard.require(ListsPermissions.DEMAND_READ, place.path());
        if (category != null) {
            List<FieldError> errors = new ArrayList<>();
            Checks.category(errors, "category", category);
            Checks.raise(errors);
            return store.byParentUnder(Keys.demandsOfCategory(category, status, Keys.root(place.path())), place.path(), limit, cursor)
                    .map(Demand::fromItem);
        }
        return store.table().underPath(Keys.demands(status, Keys.root(place.path())), place.path(), limit, cursor).map(Demand::fromItem);
    }

    /** The caller's submitted demands, newest first: a Query of pointers and a BatchGet. */
    public Page<Demand> mine(int limit, String cursor) {
        return store.follow(store.table().partition(Keys.submitted(guard.caller().username()), true, limit, cursor),
                p -> SingleTable.key(Keys.demand(Attr.str(p, "demandId")), Keys.DEMAND_SK), Demand::fromItem);
    }

    /** The demands the caller claimed (or was matched to), newest first. */
    public Page<Demand> claimedByMe(int limit, String cursor) {
        return store.follow(store.byParentNewestFirst(Keys.claimsOf(guard.caller().username()), limit, cursor),
                c -> SingleTable.key(Keys.demand(Attr.str(c, "demandId")), Keys.DEMAND_SK), Demand::fromItem);
    }

    /** One demand, for staff in scope, its submitter and its claimant. */
    public Demand get(String id) {
        Demand d = load(id);
        String me = guard.caller().username();
        if (!guard.may(ListsPermissions.DEMAND_READ, d.gridPath()) && !me.equals(d.submittedBy())
                && (d.claim() == null || !me.equals(d.claim().claimant()))) {
            throw ProblemException.outOfScope();
        }
        return d;
    }

    /** 秒认领: the caller claims an open demand of their community with one of their resources. */
    public Demand claim(String id, String resourceId, Idempotency.Key key) {
        Demand d = load(id);
        guard.require(ListsPermissions.CLAIM_WRITE, d.gridPath());
        Resource r = resources.load(resourceId);
        if (!r.owner().equals(guard.caller().username())) {
            throw Resources.notYours();
        }
        try {
            return claimOnce(d, r, key);
        } catch (ProblemException e) {
            // A copy of this request racing the first loses on the claim before its idempotency record is looked at;
            // asked once more, the record answers with the first result.
            if (key == null || !"DEMAND_ALREADY_CLAIMED".equals(e.code())) {
                throw e;
            }
            return claimOnce(d, r, key);
        }
    }

    /** The demand as the claim left it (the first claim's, on a repeat). */
    private Demand claimOnce(Demand d, Resource r, Idempotency.Key key) {
        idempotency.once(store.table(), key, tx -> {
            claims.add(tx, d, r, Demand.VIA_CLAIM, null);
            return d;
        }, Demand::id, this::load);
        return load(d.id());
    }

    /** The claimant (or staff of the grid) reports the demand served. */
    public Demand done(String id, String note) {
        Demand d = load(id);
        if (!isClaimant(d) && !guard.may(ListsPermissions.DEMAND_WRITE, d.gridPath())) {
            throw ProblemException.outOfScope();
        }
        if (!d.status().inService()) {
            throw notInService();
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(months.now().toString())));
        String set = "doneAt = :at";
        if (note != null && !note.isBlank()) {
            values.put(":note", s(note.strip()));
            set += ", doneNote = :note";
        }
        return move(d, DemandStatus.DONE, set, values, Demands::notInService, new Tallies());
    }

    /** The beneficiary (the submitter, or staff for them) closes a done demand with their feedback. */
    public Demand feedback(String id, int rating, String comment) {
        Demand d = load(id);
        if (!guard.caller().username().equals(d.submittedBy()) && !guard.may(ListsPermissions.DEMAND_FEEDBACK, d.gridPath())) {
            throw ProblemException.outOfScope();
        }
        Supplier<ProblemException> notDone = () -> ProblemException.conflict("DEMAND_NOT_DONE", "需求完成后才能评价");
        if (d.status() != DemandStatus.DONE) {
            throw notDone.get();
        }
        Instant now = months.now();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":rating", Attr.n(rating), ":by", s(guard.caller().username()),
                ":at", s(now.toString())));
        String set = "rating = :rating, feedbackBy = :by, feedbackAt = :at";
        if (comment != null && !comment.isBlank()) {
            values.put(":comment", s(comment.strip()));
            set += ", #comment = :comment";
        }
        String month = months.of(now);
        return move(d, DemandStatus.CLOSED, set, values, notDone, new Tallies().month(d.gridPath(), month, "closed", 1)
                .month(d.gridPath(), month, "ratings", 1).month(d.gridPath(), month, "ratingSum", rating));
    }

    /** The submitter or staff of the grid withdraw an open demand. */
    public Demand cancel(String id, String reason) {
        Demand d = load(id);
        if (!guard.caller().username().equals(d.submittedBy()) && !guard.may(ListsPermissions.DEMAND_WRITE, d.gridPath())) {
            throw ProblemException.outOfScope();
        }
        if (d.status() != DemandStatus.OPEN) {
            throw notOpen();
        }
        return move(d, DemandStatus.CANCELLED, "cancelReason = :reason, cancelledBy = :by",
                new HashMap<>(Map.of(":reason", s(reason.strip()), ":by", s(guard.caller().username()))), Demands::notOpen,
                new Tallies());
    }

    public Demand load(String id) {
        return Demand.fromItem(store.existing(Keys.demand(id), Keys.DEMAND_SK, "DEMAND_NOT_FOUND", "需求不存在"));
    }

    /** Moves {@code d} from the status it was read in to {@code to}, with its list keys and status counters. */
    private Demand move(Demand d, DemandStatus to, String set, Map<String, AttributeValue> values,
            Supplier<ProblemException> refusal, Tallies tallies) {
        values.put(":seen", s(d.status().name()));
        values.put(":to", s(to.name()));
        values.put(":one", Attr.n(1));
        d.indexKeys(to).forEach((k, v) -> values.put(":" + k, v));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        if (set.contains("#comment")) {
            names.put("#comment", "comment");
        }
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.demand(d.id()), Keys.DEMAND_SK), u -> u
                .updateExpression("SET #status = :to, " + set + ", gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi2pk = :gsi2pk, "
                        + "gsi2sk = :gsi2sk ADD version :one")
                .conditionExpression("#status = :seen").expressionAttributeNames(names).expressionAttributeValues(values), refusal);
        tallies.moved(d.gridPath(), d.status(), to).writeTo(store.table(), tx);
        store.table().commit(tx);
        return load(d.id());
    }

    /** Checks a demand's fields and returns its grid; {@code prefix} names an imported row ("rows[3]."). */
    private GridPort.Place checked(NewDemand d, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        Checks.category(errors, prefix + "category", d.category());
        Instant start = Checks.instant(errors, prefix + "windowStart", d.windowStart());
        Instant end = Checks.instant(errors, prefix + "windowEnd", d.windowEnd());
        Checks.window(errors, prefix, "windowStart", "windowEnd", start, end, d.windowStart(), d.windowEnd());
        GridPort.Place place = null;
        try {
            place = grid.gridNamed(prefix + "gridCode", d.gridCode());
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (place != null) {
            beneficiaries.check(errors, prefix + "householdIds", d.householdIds(), Keys.codes(place.path()).get(2));
        }
        Checks.raise(errors);
        return place;
    }

    /**
     * A resident asks for their own household, in the grid of their home, as the directory's person behind the login
     * says (居民身份): no household named means their own, and a login no person carries may not submit.
     */
    private NewDemand residents(NewDemand d, GridPort.Place place) {
        PeoplePort.Resident me = people.byLogin(guard.caller().username()).orElseThrow(() -> new ProblemException(403,
                "NOT_A_RESIDENT", "无权访问", "您的账号尚未关联社区居民信息，请联系社区登记后再提交"));
        List<FieldError> errors = new ArrayList<>();
        if (!Optional.ofNullable(me.homeNodeCode()).flatMap(this::gridOfHome).map(GridPort.Place::code).equals(Optional.of(place.code()))) {
            errors.add(new FieldError("gridCode", "NOT_YOUR_GRID", "只能向您居住的网格提交需求"));
        }
        List<String> own = me.householdId() == null ? List.of() : List.of(me.householdId());
        if (d.householdIds() != null && !own.containsAll(d.householdIds().stream().map(String::strip).toList())) {
            errors.add(new FieldError("householdIds", "NOT_YOUR_HOUSEHOLD", "只能为本户提交需求"));
        }
        Checks.raise(errors);
        return new NewDemand(d.title(), d.description(), d.category(), d.gridCode(), own, d.skills(), d.urgency(),
                d.windowStart(), d.windowEnd());
    }

    private Optional<GridPort.Place> gridOfHome(String home) {
        try {
            return Optional.of(grid.gridNamed("home", home));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** Staff whose scope covers the grid note a visit's demand; a resident submits their own on the phone. */
    private DemandSource source(GridPort.Place place) {
        if (guard.may(ListsPermissions.DEMAND_WRITE, place.path())) {
            return DemandSource.VISIT;
        }
        if (guard.caller().has(ListsPermissions.DEMAND_MINE)) {
            return DemandSource.PHONE;
        }
        throw ProblemException.outOfScope();
    }

    private Demand write(Transaction tx, NewDemand d, GridPort.Place place, DemandSource source, String id,
            Supplier<ProblemException> exists) {
        Instant now = months.now();
        Demand demand = new Demand(id, d.title().strip(), Checks.text(d.description()), d.category(), place.code(), place.path(), Keys.codes(place.path()).get(2),
                d.householdIds() == null ? List.of() : d.householdIds().stream().map(String::strip).distinct().toList(),
                d.skills() == null ? List.of() : d.skills().stream().map(String::strip).distinct().toList(),
                d.urgency() == null ? 3 : d.urgency(), Checks.text(d.windowStart()), Checks.text(d.windowEnd()), source,
                DemandStatus.OPEN, guard.caller().username(), now.toString(), null, null, null, null, 1);
        store.table().putNew(tx, demand.toItem(), exists);
        Map<String, AttributeValue> pointer = new HashMap<>(SingleTable.key(Keys.submitted(demand.submittedBy()),
                demand.publishedAt() + "#" + id));
        pointer.put("demandId", s(id));
        store.table().put(tx, pointer);
        new Tallies().now(place.path(), "total", 1).now(place.path(), "s_" + DemandStatus.OPEN, 1)
                .now(place.path(), "c_" + d.category(), 1).now(place.path(), "g_" + place.code(), 1)
                .month(place.path(), months.of(now), "published", 1).writeTo(store.table(), tx);
        return demand;
    }

    private boolean isClaimant(Demand d) {
        return d.claim() != null && d.claim().claimant().equals(guard.caller().username());
    }

    static ProblemException notOpen() {
        return ProblemException.conflict("DEMAND_NOT_OPEN", "需求已不是待认领状态");
    }

    static ProblemException notInService() {
        return ProblemException.conflict("DEMAND_NOT_IN_SERVICE", "需求尚未被认领或已完成");
    }
}
