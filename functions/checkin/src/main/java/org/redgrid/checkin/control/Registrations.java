package org.redgrid.checkin.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.MemberRegistration;
import org.redgrid.checkin.entity.RegistrationStatus;
import org.redgrid.checkin.entity.RegistrationTally;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;

/**
 * Registration (在职党员报到): a member registers at the community where they live, the community confirms or rejects
 * with a reason, and the counts per grid node and per employer unit move in the same transaction.
 */
@ApplicationScoped
public class Registrations {

    /** Members a public board lists at most (a grid has a few dozen; a board is a printable page). */
    static final int BOARD_MAX = 500;

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
    Rosters rosters;

    /** The caller registers; a repeat with the same Idempotency-Key answers with the first registration. */
    public MemberRegistration register(NewRegistration r, Idempotency.Key key) {
        String memberId = guard.caller().username();
        GridPort.Place home = grid.named("homeNodeCode", r.homeNodeCode());
        guard.require(CheckinPermissions.SELF_WRITE, home.path());
        String gridCode = gridOf(home);
        return FirstResult.of(key, "ALREADY_REGISTERED", () -> registerOnce(r, key, memberId, home, gridCode));
    }

    private MemberRegistration registerOnce(NewRegistration r, Idempotency.Key key, String memberId, GridPort.Place home,
            String gridCode) {
        return idempotency.once(store.table(), key, tx -> {
            String now = clock.instant().toString();
            MemberRegistration created = new MemberRegistration(memberId, r.name().trim(), r.phone(), r.showPhone(),
                    r.employerCode(), r.employerName().trim(), home.code(), home.name(), home.path(), gridCode,
                    r.skills() == null ? List.of() : r.skills().stream().map(String::trim).toList(), r.availability(),
                    RegistrationStatus.PENDING, null, null, 1, now, now);
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("ALREADY_REGISTERED",
                    "您已报到，请勿重复登记").with("memberId", memberId));
            count(tx, created, null, RegistrationStatus.PENDING);
            return created;
        }, MemberRegistration::memberId, this::load);
    }

    public MemberRegistration mine() {
        guard.requireRole(CheckinPermissions.SELF_READ);
        return store.table().get(Keys.member(guard.caller().username()), Keys.REGISTRATION_SK)
                .map(MemberRegistration::fromItem)
                .orElseThrow(() -> ProblemException.notFound("NOT_REGISTERED", "您尚未报到"));
    }

    /** Confirms (decision CONFIRMED) or rejects (REJECTED, reason required) a pending registration. */
    public MemberRegistration decide(String memberId, RegistrationStatus decision, Decision d) {
        MemberRegistration current = load(memberId);
        guard.require(CheckinPermissions.REGISTRATION_REVIEW, current.homePath());
        String reason = d == null || d.reason() == null || d.reason().isBlank() ? null : d.reason().trim();
        if (decision == RegistrationStatus.REJECTED && reason == null) {
            throw ProblemException.invalidField("reason", "REASON_REQUIRED", "退回报到须说明理由");
        }
        SingleTable.requireVersion(d == null ? null : d.version(), current.version());
        if (current.status() != RegistrationStatus.PENDING) {
            throw ProblemException.conflict("NOT_PENDING", "该报到已" + (current.status() == RegistrationStatus.CONFIRMED ? "确认" : "退回")
                    + "，不能再次处理");
        }
        MemberRegistration decided = current.decided(decision, reason, guard.caller().username(), clock.instant().toString());
        Transaction tx = new Transaction();
        store.table().putVersioned(tx, decided.toItem(), current.version());
        count(tx, decided, RegistrationStatus.PENDING, decision);
        store.table().commit(tx);
        return decided;
    }

    /** Registrations in one status under a node of the caller's scope (the community's queue, a grid's members). */
    public Page<MemberRegistration> under(String nodeCode, RegistrationStatus status, int limit, String cursor) {
        GridPort.Place node = grid.node(nodeCode);
        guard.require(CheckinPermissions.REGISTRATION_READ, node.path());
        return store.table().underPath(Keys.registrations(status, node.pathCodes().get(0)), node.path(), limit, cursor)
                .map(MemberRegistration::fromItem);
    }

    /** The public board (亮身份) of a grid or building: its confirmed members. Public by design: no scope. */
    public List<MemberRegistration> board(String nodeCode) {
        guard.requireRole(CheckinPermissions.BOARD_READ);
        GridPort.Place node = grid.node(nodeCode);
        List<MemberRegistration> members = store.table()
                .allUnderPath(Keys.registrations(RegistrationStatus.CONFIRMED, node.pathCodes().get(0)), node.path(), BOARD_MAX)
                .stream().map(MemberRegistration::fromItem).toList();
        if (members.size() > BOARD_MAX) {
            throw ProblemException.badRequest("BOARD_TOO_LARGE", "该范围内报到党员超过 " + BOARD_MAX + " 人，请按网格或楼栋查看");
        }
        return members;
    }

    public RegistrationTally nodeTally(String nodeCode) {
        GridPort.Place node = grid.node(nodeCode);
        guard.require(CheckinPermissions.REGISTRATION_READ, node.path());
        return tally(Keys.nodeTally(node.code()));
    }

    /** An employer unit's staff, one Query, visible only to that unit's own role. */
    public Page<MemberRegistration> staff(String employerCode, int limit, String cursor) {
        guard.require(CheckinPermissions.EMPLOYER_READ, Keys.employerScope(employerCode));
        return store.table().byParent(Keys.employerStaff(employerCode), limit, cursor).map(MemberRegistration::fromItem);
    }

    public RegistrationTally employerTally(String employerCode) {
        guard.require(CheckinPermissions.EMPLOYER_READ, Keys.employerScope(employerCode));
        return tally(Keys.employerTally(employerCode));
    }

    private RegistrationTally tally(String pk) {
        return store.table().get(pk, Keys.TALLY_SK).map(RegistrationTally::fromItem).orElse(RegistrationTally.NONE);
    }

    MemberRegistration load(String memberId) {
        return store.table().get(Keys.member(memberId), Keys.REGISTRATION_SK, true).map(MemberRegistration::fromItem)
                .orElseThrow(() -> ProblemException.notFound("REGISTRATION_NOT_FOUND", "未找到该党员的报到"));
    }

    /** The grid a home belongs to: the home itself when it is a grid, a building's parent grid. */
    private static String gridOf(GridPort.Place home) {
        if (CheckinGrid.isGrid(home)) {
            return home.code();
        }
        if ("BUILDING".equals(home.level()) && home.pathCodes().size() >= 2) {
            return home.pathCodes().get(home.pathCodes().size() - 2);
        }
        throw ProblemException.invalidField("homeNodeCode", "NOT_A_HOME", "请选择楼栋或网格，而不是街道或社区");
    }

    /** Moves one registration between counters on every node of its home path and on its employer unit. */
    private void count(Transaction tx, MemberRegistration r, RegistrationStatus from, RegistrationStatus to) {
        List<String> pks = new ArrayList<>(r.pathCodes().stream().map(Keys::nodeTally).toList());
        pks.add(Keys.employerTally(r.employerCode()));
        String expression = from == null ? "ADD #to :one" : "ADD #to :one, #from :minus";
        Map<String, String> names = from == null ? Map.of("#to", to.counter()) : Map.of("#to", to.counter(), "#from", from.counter());
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values = from == null
                ? SingleTable.values(":one", 1) : SingleTable.values(":one", 1, ":minus", -1);
        for (String pk : pks) {
            store.table().update(tx, SingleTable.key(pk, Keys.TALLY_SK),
                    u -> u.updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values),
                    () -> ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试"));
        }
        rosters.track(tx, r, from, to);
    }
}
