package org.redgrid.checkin.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.ServiceRecord;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.Outbox;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Service records (服务纪实): a member logs a service at a grid of their scope; a grid leader verifies it, and in the
 * same transaction the member's monthly and yearly totals grow and the event {@value #SERVICE_VERIFIED} is written
 * to the outbox (the points domain earns points from it). Only verified records count; a record is verified once.
 */
@ApplicationScoped
public class ServiceRecords {

    public static final String SERVICE_VERIFIED = "checkin.ServiceVerified";

    @Inject
    CheckinStore store;

    @Inject
    CheckinGrid grid;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    @Inject
    PeoplePort people;

    @Inject
    Photos photos;

    @ConfigProperty(name = "redgrid.checkin.zone", defaultValue = "Asia/Shanghai")
    java.time.ZoneId zone;

    public ServiceRecord log(NewServiceRecord r, Idempotency.Key key) {
        GridPort.Place place = grid.gridNamed("gridCode", r.gridCode(), "服务纪实须登记在网格");
        guard.require(CheckinPermissions.SERVICE_WRITE, place.path());
        LocalDate day;
        try {
            day = LocalDate.parse(r.day());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("day", "INVALID_DATE", "日期不存在");
        }
        if (day.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw ProblemException.invalidField("day", "IN_THE_FUTURE", "不能登记未来日期的服务");
        }
        List<String> uploads = r.photos() == null ? List.of() : r.photos().stream().distinct().toList();
        ServiceRecord logged = idempotency.once(store.table(), key, tx -> {
            Instant now = clock.instant();
            String id = Ids.newId(now);
            List<String> kept = photos.keep(uploads, id, Boolean.TRUE.equals(r.keepLocation()));
            ServiceRecord created = new ServiceRecord(id, guard.caller().username(), place.code(), place.path(),
                    day.toString(), r.minutes(), r.category().trim(), r.content().trim(),
                    r.householdIds() == null ? List.of() : r.householdIds().stream().distinct().sorted().toList(),
                    r.demandId(), r.projectId(), kept, false, null, null, null, null, now.toString());
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("SERVICE_EXISTS", "记录编号冲突，请重试"));
            created.householdIds().forEach(h -> store.table().put(tx, created.beneficiaryItem(h)));
            return created;
        }, ServiceRecord::id, this::load);
        if (!uploads.isEmpty()) {
            photos.discardUploads(uploads);
        }
        return logged;
    }

    /** Verifies a record: totals and the ServiceVerified event in the same transaction; a second verify is 409. */
    public ServiceRecord verify(String id) {
        ServiceRecord current = load(id);
        guard.require(CheckinPermissions.SERVICE_VERIFY, current.gridPath());
        String verifier = guard.caller().username();
        if (verifier.equals(current.memberId())) {
            throw ProblemException.forbidden("不能核实本人登记的服务纪实");
        }
        Instant now = clock.instant();
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.service(id), Keys.SERVICE_SK), u -> u
                .updateExpression("SET verified = :yes, verifiedBy = :by, verifiedAt = :at, verifiedVia = :via")
                .conditionExpression("verified = :no")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":no", AttributeValue.fromBool(false),
                        ":by", s(verifier), ":at", s(now.toString()), ":via", s(ServiceRecord.BY_LEADER))),
                () -> ProblemException.conflict("ALREADY_VERIFIED", "该服务纪实已核实，不能重复核实"));
        count(tx, current, true, null);
        announce(tx, current, verifier, now);
        store.table().commit(tx);
        return load(id);
    }

    /**
     * A beneficiary household's resident confirms the service (受益群众确认), with an optional rating: it counts as
     * the verification when none came first (totals and the one ServiceVerified event), and the rating is added to
     * the member's month and year totals either way. One confirmation per record.
     */
    public ServiceRecord confirm(String id, Integer rating, String comment) {
        guard.requireRole(CheckinPermissions.SERVICE_CONFIRM);
        String login = guard.caller().username();
        ServiceRecord seen = load(id);
        String household = people.byLogin(login).map(PeoplePort.Resident::householdId)
                .filter(seen.householdIds()::contains)
                .orElseThrow(() -> new ProblemException(403, "NOT_A_BENEFICIARY", "无权确认", "只有受益户的居民才能确认这条服务纪实"));
        for (int attempt = 1;; attempt++) {
            ServiceRecord current = attempt == 1 ? seen : load(id);
            if (current.confirmation() != null) {
                throw ProblemException.conflict("ALREADY_CONFIRMED", "该服务纪实已确认，不能重复确认");
            }
            Instant now = clock.instant();
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":by", s(login), ":household", s(household),
                    ":at", s(now.toString()), ":seen", AttributeValue.fromBool(current.verified())));
            StringBuilder set = new StringBuilder("SET confirmedBy = :by, confirmedHousehold = :household, confirmedAt = :at");
            if (rating != null) {
                set.append(", rating = :rating");
                values.put(":rating", Attr.n(rating));
            }
            if (comment != null && !comment.isBlank()) {
                set.append(", ratingComment = :comment");
                values.put(":comment", s(comment.trim()));
            }
            if (!current.verified()) {
                set.append(", verified = :yes, verifiedBy = :by, verifiedAt = :at, verifiedVia = :via");
                values.put(":yes", AttributeValue.fromBool(true));
                values.put(":via", s(ServiceRecord.BY_BENEFICIARY));
            }
            Transaction tx = new Transaction();
            store.table().update(tx, SingleTable.key(Keys.service(id), Keys.SERVICE_SK), u -> u
                    .updateExpression(set.toString())
                    .conditionExpression("attribute_not_exists(confirmedAt) AND verified = :seen")
                    .expressionAttributeValues(values), StaleRecord::new);
            count(tx, current, !current.verified(), rating);
            if (!current.verified()) {
                announce(tx, current, login, now);
            }
            try {
                store.table().commit(tx);
                return load(id);
            } catch (StaleRecord e) {
                // verified or confirmed by someone else since it was read: decide again on what is there now
                if (attempt == 3) {
                    throw concurrent();
                }
            }
        }
    }

    /** One record, for its member, staff of its grid, or a resident of a beneficiary household. */
    public ServiceRecord one(String id) {
        ServiceRecord record = load(id);
        String login = guard.caller().username();
        boolean allowed = login.equals(record.memberId()) || guard.may(CheckinPermissions.SERVICE_READ, record.gridPath())
                || guard.caller().has(CheckinPermissions.SERVICE_CONFIRM) && people.byLogin(login)
                        .map(PeoplePort.Resident::householdId).filter(record.householdIds()::contains).isPresent();
        if (!allowed) {
            throw ProblemException.outOfScope();
        }
        return record;
    }

    /** The records done for the caller's household (受益户), by day: one Query, then the records by key. */
    public Page<ServiceRecord> forMyHousehold(int limit, String cursor) {
        guard.requireRole(CheckinPermissions.SERVICE_CONFIRM);
        String household = people.byLogin(guard.caller().username()).map(PeoplePort.Resident::householdId).orElse(null);
        if (household == null) {
            return new Page<>(List.of(), null);
        }
        Page<Map<String, AttributeValue>> page = store.table().partition(Keys.beneficiary(household), false, limit, cursor);
        Map<String, ServiceRecord> byId = new HashMap<>();
        store.table().getAll(page.items().stream().map(i -> SingleTable.key(Keys.service(Attr.str(i, "recordId")), Keys.SERVICE_SK))
                .toList()).forEach(item -> byId.put(Attr.str(item, "id"), ServiceRecord.fromItem(item)));
        return new Page<>(page.items().stream().map(i -> byId.get(Attr.str(i, "recordId"))).filter(java.util.Objects::nonNull)
                .toList(), page.nextCursor());
    }

    /**
     * Adds a newly verified record ({@code verifiedNow}) and a rating, each when there is one, to the member's month
     * and year totals: one update per totals item, as a transaction touches an item once.
     */
    void count(Transaction tx, ServiceRecord current, boolean verifiedNow, Integer rating) {
        List<String> adds = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>(List.of(":one", 1));
        if (verifiedNow) {
            adds.add("minutes :m, records :one");
            values.addAll(List.of(":m", current.minutes()));
        }
        if (rating != null) {
            adds.add("ratingSum :r, ratingCount :one");
            values.addAll(List.of(":r", rating));
        }
        if (adds.isEmpty()) {
            return;
        }
        for (String period : periods(current)) {
            store.table().update(tx, SingleTable.key(Keys.serviceTotals(current.memberId()), period), u -> u
                    .updateExpression("ADD " + String.join(", ", adds))
                    .expressionAttributeValues(SingleTable.values(values.toArray())), ServiceRecords::concurrent);
        }
    }

    /** Writes the record's one ServiceVerified event (a project's records too: {@link ProjectService}). */
    void announce(Transaction tx, ServiceRecord current, String actor, Instant now) {
        Map<String, String> data = new HashMap<>();
        data.put("recordId", current.id());
        data.put("memberId", current.memberId());
        data.put("householdIds", String.join(",", current.householdIds()));
        data.put("hours", ServiceRecord.hours(current.minutes()));
        data.put("category", current.category());
        data.put("node", current.gridCode());
        // the demand or project the service answered, when there is one (points may earn project hours by their rule)
        data.put("demandId", current.demandId());
        data.put("projectId", current.projectId());
        Outbox.add(store.table(), tx, new DomainEvent(Ids.newId(now), SERVICE_VERIFIED, now.toString(), current.gridCode(),
                actor, data));
    }

    /** The month ("2026-11") and year ("2026") totals items a record counts on. */
    private static List<String> periods(ServiceRecord r) {
        return List.of(r.day().substring(0, 7), r.day().substring(0, 4));
    }

    private static ProblemException concurrent() {
        return ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试");
    }

    /** The record changed between reading and writing (verified or confirmed meanwhile). */
    private static final class StaleRecord extends ProblemException {
        StaleRecord() {
            super(409, "CONCURRENT_CHANGE", "操作冲突", "数据正被他人同时修改，请刷新后重试");
        }
    }

    /** The caller's own records, by day: one Query. */
    public Page<ServiceRecord> mine(int limit, String cursor) {
        guard.requireRole(CheckinPermissions.SELF_READ);
        return store.table().byParent(Keys.memberServices(guard.caller().username()), limit, cursor).map(ServiceRecord::fromItem);
    }

    /** A grid's ledger for one quarter ("2026Q4"): one Query. */
    public Page<ServiceRecord> ledger(String gridCode, String quarter, int limit, String cursor) {
        GridPort.Place place = grid.node(gridCode);
        guard.require(CheckinPermissions.SERVICE_READ, place.path());
        // Sort keys start with the day, so the year is a prefix every record of the partition has.
        return store.table().underPath(Keys.ledger(place.code(), quarter), quarter.substring(0, 4), limit, cursor)
                .map(ServiceRecord::fromItem);
    }

    /** The caller's verified minutes and records, and residents' ratings, in a month ("2026-11") or a year ("2026"). */
    public long[] myTotals(String period) {
        guard.requireRole(CheckinPermissions.SELF_READ);
        return store.table().get(Keys.serviceTotals(guard.caller().username()), period)
                .map(item -> new long[] { Attr.num(item, "minutes"), Attr.num(item, "records"), Attr.num(item, "ratingSum"),
                        Attr.num(item, "ratingCount") })
                .orElse(new long[4]);
    }

    ServiceRecord load(String id) {
        return store.table().get(Keys.service(id), Keys.SERVICE_SK, true).map(ServiceRecord::fromItem)
                .orElseThrow(() -> ProblemException.notFound("SERVICE_NOT_FOUND", "服务纪实不存在"));
    }
}
