package org.redgrid.checkin.control;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.MemberRegistration;
import org.redgrid.checkin.entity.Publication;
import org.redgrid.checkin.entity.ServiceRecord;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Quarterly publication per grid (按季度公示): once a quarter is over, a grid leader or community admin freezes each
 * member's verified hours and records of the grid's ledger into one partition, in one transaction; a quarter is
 * published once. Everyone signed in reads it, like the public board.
 */
@ApplicationScoped
public class Publications {

    /** A grid's ledger is read whole to publish it; far above a grid's records in a quarter. */
    static final int MAX_RECORDS = 20_000;

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
    ZoneId zone;

    /** Publishes; a retry with the same Idempotency-Key answers with the publication it made. */
    public Publication publish(String gridCode, String quarter, Idempotency.Key key) {
        GridPort.Place place = grid.node(gridCode);
        guard.require(CheckinPermissions.PUBLICATION_WRITE, place.path());
        if (!CheckinGrid.isGrid(place)) {
            throw ProblemException.badRequest("NOT_A_GRID", "服务纪实按网格公示，请选择网格");
        }
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(5) - '0';
        if (!LocalDate.now(clock.withZone(zone)).isAfter(LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1))) {
            throw ProblemException.conflict("QUARTER_NOT_OVER", quarter + " 尚未结束，季度结束后才能公示");
        }
        return FirstResult.of(key, "ALREADY_PUBLISHED", () -> idempotency.once(store.table(), key,
                tx -> frozen(tx, place, quarter), Publication::quarter, done -> read(place.code(), done)));
    }

    /** Adds the publication, computed from the grid's ledger, to {@code tx}. */
    private Publication frozen(Transaction tx, GridPort.Place place, String quarter) {
        Map<String, long[]> byMember = new TreeMap<>();
        for (Map<String, AttributeValue> item : store.table().allUnderPath(Keys.ledger(place.code(), quarter), quarter.substring(0, 4), MAX_RECORDS)) {
            ServiceRecord r = ServiceRecord.fromItem(item);
            if (r.verified()) {
                long[] sum = byMember.computeIfAbsent(r.memberId(), m -> new long[2]);
                sum[0] += r.minutes();
                sum[1]++;
            }
        }
        Map<String, MemberRegistration> registered = new HashMap<>();
        store.table().getAll(byMember.keySet().stream().map(m -> SingleTable.key(Keys.member(m), Keys.REGISTRATION_SK)).toList())
                .forEach(item -> registered.put(Attr.str(item, "memberId"), MemberRegistration.fromItem(item)));
        List<Publication.Member> members = byMember.entrySet().stream().map(e -> {
            MemberRegistration reg = registered.get(e.getKey());
            return new Publication.Member(e.getKey(), reg == null ? null : reg.name(), reg == null ? null : reg.employerName(),
                    e.getValue()[0], ServiceRecord.hours(e.getValue()[0]), e.getValue()[1]);
        }).toList();
        Publication publication = new Publication(place.code(), place.name(), quarter, guard.caller().username(),
                clock.instant().toString(), members.stream().mapToLong(Publication.Member::minutes).sum(),
                members.stream().mapToLong(Publication.Member::verifiedRecords).sum(), members);
        store.table().putNew(tx, publication.summaryItem(), () -> ProblemException.conflict("ALREADY_PUBLISHED",
                "该网格 " + quarter + " 的服务纪实已公示，公示内容不再改变"));
        publication.memberItems().forEach(item -> store.table().put(tx, item));
        return publication;
    }

    /** A published quarter: one Query of its partition. */
    public Publication read(String gridCode, String quarter) {
        guard.requireRole(CheckinPermissions.BOARD_READ);
        List<Map<String, AttributeValue>> items = store.table().partition(Keys.publication(gridCode, quarter));
        if (items.isEmpty()) {
            throw ProblemException.notFound("NOT_PUBLISHED", "该网格 " + quarter + " 的服务纪实尚未公示");
        }
        return Publication.fromItems(items);
    }
}
