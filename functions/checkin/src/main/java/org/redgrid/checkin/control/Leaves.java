package org.redgrid.checkin.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.LeaveDay;
import org.redgrid.checkin.entity.LeaveRequest;
import org.redgrid.checkin.entity.LeaveStatus;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;

import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Leave requests (请销假) of sinking cadres and grid workers: requested at the grid they serve, approved or rejected by
 * a grid leader or community admin of that grid (never their own), cancelled or closed early (销假) by the requester.
 * Approval writes the leave's days beside the clock-ins in the same transaction, so attendance reads them with the
 * clock-ins and a day on leave is no missed day; closing early removes the days from the return on.
 */
@ApplicationScoped
public class Leaves {

    /** The longest leave one request covers; also what a month's read looks back for a leave begun earlier. */
    static final int MAX_DAYS = 31;
    private static final Set<LeaveStatus> STANDING = Set.of(LeaveStatus.PENDING, LeaveStatus.APPROVED);

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

    public LeaveRequest request(NewLeave r, Idempotency.Key key) {
        GridPort.Place place = grid.gridNamed("gridCode", r.gridCode(), "请假须提交到所在网格");
        guard.require(CheckinPermissions.LEAVE_WRITE, place.path());
        LocalDate from = date("from", r.from());
        LocalDate to = date("to", r.to());
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "TO_BEFORE_FROM", "结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ProblemException.invalidField("to", "TOO_LONG", "一次请假最多 " + MAX_DAYS + " 天");
        }
        String memberId = guard.caller().username();
        return idempotency.once(store.table(), key, tx -> {
            boolean overlaps = around(memberId, from, to).stream()
                    .anyMatch(l -> STANDING.contains(l.status()) && !l.days().isEmpty()
                            && !LocalDate.parse(l.days().get(0)).isAfter(to)
                            && !LocalDate.parse(l.days().get(l.days().size() - 1)).isBefore(from));
            if (overlaps) {
                throw ProblemException.conflict("LEAVE_OVERLAPS", "所选日期与已提交或已批准的请假重叠");
            }
            Instant now = clock.instant();
            LeaveRequest created = new LeaveRequest(Ids.newId(now), memberId, place.code(), place.path(), from.toString(),
                    to.toString(), r.type(), r.reason().trim(), LeaveStatus.PENDING, null, null, null, null, 1,
                    now.toString(), now.toString());
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("LEAVE_EXISTS", "请假编号冲突，请重试"));
            return created;
        }, LeaveRequest::id, this::load);
    }

    /** Approves a pending request: its days join the member's attendance in the same transaction. */
    public LeaveRequest approve(String id, Long version) {
        LeaveRequest current = reviewable(id, version);
        LeaveRequest approved = current.decided(LeaveStatus.APPROVED, guard.caller().username(), null, clock.instant().toString());
        Transaction tx = new Transaction();
        store.table().putVersioned(tx, approved.toItem(), current.version());
        for (String day : approved.days()) {
            store.table().put(tx, new LeaveDay(approved.memberId(), approved.gridCode(), day, id, approved.type()).toItem());
        }
        store.table().commit(tx);
        return approved;
    }

    public LeaveRequest reject(String id, String reason, Long version) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "REASON_REQUIRED", "不批准请假须说明理由");
        }
        LeaveRequest current = reviewable(id, version);
        LeaveRequest rejected = current.decided(LeaveStatus.REJECTED, guard.caller().username(), reason.trim(),
                clock.instant().toString());
        Transaction tx = new Transaction();
        store.table().putVersioned(tx, rejected.toItem(), current.version());
        store.table().commit(tx);
        return rejected;
    }

    /**
     * The requester withdraws (撤销) a request not yet begun, or closes a running leave on return (销假): the days
     * from today on are no leave any more.
     */
    public LeaveRequest cancel(String id) {
        LeaveRequest current = load(id);
        if (!guard.caller().username().equals(current.memberId())) {
            throw ProblemException.forbidden("只能撤销或销假本人的请假");
        }
        if (!STANDING.contains(current.status())) {
            throw ProblemException.conflict("NOT_CANCELLABLE", "该请假已结束（未批准、已撤销或已销假），不能再撤销");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (today.isAfter(LocalDate.parse(current.to()))) {
            throw ProblemException.conflict("LEAVE_ENDED", "该请假已到期，无需销假");
        }
        String now = clock.instant().toString();
        boolean begun = current.status() == LeaveStatus.APPROVED && today.isAfter(LocalDate.parse(current.from()));
        LeaveRequest ended = begun ? current.ended(LeaveStatus.CLOSED, today.toString(), now)
                : current.ended(LeaveStatus.CANCELLED, null, now);
        Transaction tx = new Transaction();
        store.table().putVersioned(tx, ended.toItem(), current.version());
        if (current.status() == LeaveStatus.APPROVED) {
            List<String> kept = begun ? ended.days() : List.of();
            for (String day : current.days()) {
                if (!kept.contains(day)) {
                    store.table().delete(tx, new LeaveDay(current.memberId(), current.gridCode(), day, id, current.type()).key(),
                            d -> { }, () -> ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试"));
                }
            }
        }
        store.table().commit(tx);
        return ended;
    }

    /** The caller's own requests, by first day: one Query. */
    public Page<LeaveRequest> mine(int limit, String cursor) {
        guard.requireRole(CheckinPermissions.LEAVE_WRITE);
        return store.table().byParent(Keys.memberLeave(guard.caller().username()), limit, cursor).map(LeaveRequest::fromItem);
    }

    /** Pending requests under a node of the caller's scope: one Query of the sparse pending partition. */
    public Page<LeaveRequest> pending(String under, int limit, String cursor) {
        GridPort.Place place = grid.node(under);
        guard.require(CheckinPermissions.LEAVE_REVIEW, place.path());
        return store.table().underPath(Keys.pendingLeave(place.pathCodes().get(0)), place.path(), limit, cursor)
                .map(LeaveRequest::fromItem);
    }

    /** A member's requests at a grid that touch a month, whatever their status: one Query. */
    public List<LeaveRequest> month(String gridCode, String memberId, YearMonth month) {
        GridPort.Place place = grid.node(gridCode);
        guard.require(CheckinPermissions.ATTENDANCE_READ, place.path());
        return around(memberId, month.atDay(1), month.atEndOfMonth()).stream()
                .filter(l -> l.gridCode().equals(place.code()))
                .filter(l -> !LocalDate.parse(l.to()).isBefore(month.atDay(1)))
                .toList();
    }

    /** The member's requests whose first day lies from {@value #MAX_DAYS} days before {@code from} to {@code to}. */
    private List<LeaveRequest> around(String memberId, LocalDate from, LocalDate to) {
        QueryRequest query = QueryRequest.builder().tableName(store.table().name()).indexName(SingleTable.BY_PARENT)
                .keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :first AND :last")
                .expressionAttributeValues(Map.of(":pk", s(Keys.memberLeave(memberId)),
                        ":first", s(from.minusDays(MAX_DAYS).toString()), ":last", s(to + "~")))
                .build();
        List<LeaveRequest> found = new ArrayList<>();
        for (QueryResponse page : store.table().db().queryPaginator(query)) {
            page.items().forEach(item -> found.add(LeaveRequest.fromItem(item)));
        }
        return found;
    }

    private LeaveRequest reviewable(String id, Long version) {
        LeaveRequest current = load(id);
        guard.require(CheckinPermissions.LEAVE_REVIEW, current.gridPath());
        if (guard.caller().username().equals(current.memberId())) {
            throw ProblemException.forbidden("不能审批本人的请假");
        }
        if (current.status() != LeaveStatus.PENDING) {
            throw ProblemException.conflict("NOT_PENDING", "该请假已处理，不能重复审批");
        }
        SingleTable.requireVersion(version, current.version());
        return current;
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "INVALID_DATE", "日期不存在");
        }
    }

    LeaveRequest load(String id) {
        return store.table().get(Keys.leave(id), Keys.LEAVE_SK, true).map(LeaveRequest::fromItem)
                .orElseThrow(() -> ProblemException.notFound("LEAVE_NOT_FOUND", "请假记录不存在"));
    }
}
