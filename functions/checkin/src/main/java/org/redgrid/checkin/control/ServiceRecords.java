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
        return idempotency.once(store.table(), key, tx -> {
            Instant now = clock.instant();
            ServiceRecord created = new ServiceRecord(Ids.newId(now), guard.caller().username(), place.code(), place.path(),
                    day.toString(), r.minutes(), r.category().trim(), r.content().trim(),
                    r.householdIds() == null ? List.of() : r.householdIds().stream().distinct().sorted().toList(),
                    false, null, null, now.toString());
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("SERVICE_EXISTS", "记录编号冲突，请重试"));
            return created;
        }, ServiceRecord::id, this::load);
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
                .updateExpression("SET verified = :yes, verifiedBy = :by, verifiedAt = :at")
                .conditionExpression("verified = :no")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":no", AttributeValue.fromBool(false),
                        ":by", s(verifier), ":at", s(now.toString()))),
                () -> ProblemException.conflict("ALREADY_VERIFIED", "该服务纪实已核实，不能重复核实"));
        for (String period : List.of(current.day().substring(0, 7), current.day().substring(0, 4))) {
            store.table().update(tx, SingleTable.key(Keys.serviceTotals(current.memberId()), period), u -> u
                    .updateExpression("ADD minutes :m, records :one")
                    .expressionAttributeValues(SingleTable.values(":m", current.minutes(), ":one", 1)),
                    () -> ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试"));
        }
        Map<String, String> data = new HashMap<>();
        data.put("recordId", id);
        data.put("memberId", current.memberId());
        data.put("householdIds", String.join(",", current.householdIds()));
        data.put("hours", java.math.BigDecimal.valueOf(current.minutes()).divide(java.math.BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        data.put("category", current.category());
        data.put("node", current.gridCode());
        Outbox.add(store.table(), tx, new DomainEvent(Ids.newId(now), SERVICE_VERIFIED, now.toString(), current.gridCode(),
                verifier, data));
        store.table().commit(tx);
        return load(id);
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

    /** The caller's verified minutes and records in a month ("2026-11") or a year ("2026"). */
    public long[] myTotals(String period) {
        guard.requireRole(CheckinPermissions.SELF_READ);
        return store.table().get(Keys.serviceTotals(guard.caller().username()), period)
                .map(item -> new long[] { Attr.num(item, "minutes"), Attr.num(item, "records") }).orElse(new long[] { 0, 0 });
    }

    ServiceRecord load(String id) {
        return store.table().get(Keys.service(id), Keys.SERVICE_SK, true).map(ServiceRecord::fromItem)
                .orElseThrow(() -> ProblemException.notFound("SERVICE_NOT_FOUND", "服务纪实不存在"));
    }
}
