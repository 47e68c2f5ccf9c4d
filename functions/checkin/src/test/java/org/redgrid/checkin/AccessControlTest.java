package org.redgrid.checkin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.redgrid.testkit.AccessHarness;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access harness over CheckinFunction's routes: for each, a caller in scope succeeds, one whose role is held
 * elsewhere (another community, another employer unit) or lacks the permission gets 403, an anonymous one 401;
 * each write is also tried on a subject of another community (403, nothing changed).
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class AccessControlTest extends AccessHarness<AccessControlTest.Fixture> {

    /** Shared targets, built once through the API itself. */
    static final class Fixture {
        final DemoDistrict d = DemoDistrict.create();
        final String employer = "E" + d.prefix;
        final Map<String, String> memberA = Members.member(d, "member-a", d.communityA);
        final Map<String, String> resident = Tokens.idToken("resident-" + d.prefix, "resident");
        final String pendingB = Members.register(Members.member(d, "member-b", d.communityB),
                Members.registration(d.gridB1, employer, true));
        final Map<String, String> leaderA1 = ServiceRecordTest.leader(d);
        final String serviceB = loggedService(Members.member(d, "member-b", d.communityB), d.gridB1);
        final Map<String, String> workerB1 = Tokens.accessToken("worker-b1-" + d.prefix, "grid-worker@" + d.gridB1);
        final String leaveB = LeaveTest.requested(workerB1, LeaveTest.leave(d.gridB1, LeaveTest.today().plusDays(1),
                LeaveTest.today().plusDays(1), "PERSONAL"));
        final String householdA = Beneficiaries.household(d, d.buildingA11, "resident-a-" + d.prefix);
        final Map<String, String> residentA = Beneficiaries.resident("resident-a-" + d.prefix);
        final String householdB = Beneficiaries.household(d, d.gridB1, "resident-b-" + d.prefix);
        final String serviceForB = loggedService(Members.member(d, "member-b", d.communityB), d.gridB1, List.of(householdB));
        int fresh;
        int quarters;
        /** Who requested the leave {@link #freshLeaveA1()} made last: the only one who may cancel it. */
        Map<String, String> requester;
        private EvaluationAccess.Targets eval;
        private String otherDistrict;

        /** A district beside the demo one, whose calendar no admin of the demo district may set. */
        synchronized String otherDistrict() {
            if (otherDistrict == null) {
                otherDistrict = d.prefix + "X";
                Gateway.Reply r = Gateway.post(districtAdmin(otherDistrict), "/directory/nodes",
                        Map.of("code", otherDistrict, "name", "邻区", "level", "DISTRICT"));
                org.junit.jupiter.api.Assertions.assertEquals(201, r.status(), r::toString);
            }
            return otherDistrict;
        }

        static Map<String, String> districtAdmin(String district) {
            return Tokens.idToken("district-" + district, "district-admin@" + district);
        }

        /** The targets of the evaluation and employer routes, built when a case first needs them. */
        synchronized EvaluationAccess.Targets eval() {
            if (eval == null) {
                eval = new EvaluationAccess.Targets(this);
            }
            return eval;
        }

        Fixture() {
            Members.register(memberA, Members.registration(d.buildingA11, employer, true));
            ClockInTest.drawBoundary(d);
            Gateway.Reply published = Gateway.post(d.adminA, "/checkin/grids/" + d.gridA1 + "/publications", Map.of("quarter", "2020Q4"));
            org.junit.jupiter.api.Assertions.assertEquals(201, published.status(), published::toString);
        }

        /** A past quarter not yet published in grid A1 (a quarter is published once). */
        String freshQuarter() {
            quarters++;
            return (2021 + quarters / 4) + "Q" + (quarters % 4 + 1);
        }

        /** A new unconfirmed service record in grid A1 for household A. */
        String freshServiceForA() {
            return loggedService(memberA, d.gridA1, List.of(householdA));
        }

        /** A new unverified service record in grid A1. */
        String freshServiceA1() {
            return loggedService(memberA, d.gridA1);
        }

        static String loggedService(Map<String, String> member, String grid) {
            return loggedService(member, grid, List.of());
        }

        static String loggedService(Map<String, String> member, String grid, List<String> households) {
            Gateway.Reply r = Gateway.post(member, "/checkin/services", ServiceRecordTest.service(grid, 60, households));
            org.junit.jupiter.api.Assertions.assertEquals(201, r.status(), r::toString);
            return r.json().getString("id");
        }

        /** A grid worker of grid A1 who has not clocked in today. */
        Map<String, String> freshWorkerA1() {
            return Tokens.accessToken("worker" + (++fresh) + "-" + d.prefix, "grid-worker@" + d.gridA1);
        }

        /** A new pending leave in grid A1, requested by a fresh cadre. */
        String freshLeaveA1() {
            requester = freshWorkerA1();
            return LeaveTest.requested(requester, LeaveTest.leave(d.gridA1, LeaveTest.today().plusDays(1),
                    LeaveTest.today().plusDays(2), "SICK"));
        }

        /** A member of community A not yet registered. */
        Map<String, String> freshMemberA() {
            return Members.member(d, "fresh" + (++fresh), d.communityA);
        }

        /** A new pending registration in community A, for the cases that consume their target. */
        String freshPendingA() {
            return Members.register(freshMemberA(), Members.registration(d.gridA1, employer, false));
        }
    }

    @Override
    protected String function() {
        return "CheckinFunction";
    }

    @Override
    protected Fixture createFixture() {
        return new Fixture();
    }

    /** Grid-scoped reads are open to the street and district above; a member's or an employer's own are not. */
    @Override
    protected List<Map<String, String>> widerScopes(Fixture f, Case<Fixture> c) {
        Map<String, String> caller = c.inScope().apply(f);
        return caller == f.memberA || caller == f.resident || c.route().startsWith("/checkin/employers")
                || c.route().endsWith("/mine") || caller == f.residentA
                ? List.of() : List.of(f.d.streetAdmin, f.d.districtAdmin);
    }

    /** Community B's registration as its own community reads it, B's counts, and A1's worker's month at grid B1. */
    @Override
    protected String snapshot(Fixture f) {
        return Gateway.get(f.d.adminB, "/checkin/registrations?under=" + f.d.communityB + "&status=PENDING").body()
                + Gateway.get(f.d.adminB, "/checkin/nodes/" + f.d.communityB + "/tally").body()
                + Gateway.get(f.d.adminB, "/checkin/grids/" + f.d.gridB1 + "/attendance/worker-a1-" + f.d.prefix + "?month=2026-01").body()
                + Gateway.get(f.d.adminB, "/checkin/grids/" + f.d.gridB1 + "/ledger?quarter=" + quarter()).body()
                + Gateway.get(f.d.adminB, "/checkin/leave/pending?under=" + f.d.communityB).body()
                + Gateway.get(f.d.adminB, "/checkin/services/" + f.serviceForB).body()
                + Gateway.get(Fixture.districtAdmin(f.otherDistrict()), CalendarTest.path(f.otherDistrict(), 2030)).body()
                + EvaluationAccess.snapshot(f);
    }

    static Map<String, Object> photo(String grid) {
        return Map.of("gridCode", grid, "contentType", "image/jpeg", "size", 2048);
    }

    static String quarter() {
        String day = ServiceRecordTest.today();
        return day.substring(0, 4) + "Q" + ((Integer.parseInt(day.substring(5, 7)) - 1) / 3 + 1);
    }

    @Override
    protected Stream<Case<Fixture>> cases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        Function<Fixture, Map<String, String>> adminB = f -> f.d.adminB;
        Function<Fixture, Map<String, String>> workerA1 = f -> f.d.workerA1;
        Function<Fixture, Map<String, String>> leaderB1 = f -> f.d.leaderB1;
        Function<Fixture, Map<String, String>> memberA = f -> f.memberA;
        Function<Fixture, Map<String, String>> resident = f -> f.resident;
        Function<Fixture, Map<String, String>> ownEmployer = f -> Members.employer(f.employer);
        Function<Fixture, Map<String, String>> otherEmployer = f -> Members.employer("X" + f.d.prefix);
        return Stream.concat(Stream.of(
                new Case<>("/checkin/registrations", "POST", f -> "/checkin/registrations",
                        f -> Members.registration(f.d.gridA1, f.employer, false), Fixture::freshMemberA,
                        f -> Members.member(f.d, "elsewhere" + (++f.fresh), f.d.communityB), 201),
                new Case<>("/checkin/registrations/me", "GET", f -> "/checkin/registrations/me", null, memberA, resident, 200),
                new Case<>("/checkin/registrations", "GET", f -> "/checkin/registrations?under=" + f.d.communityA, null,
                        adminA, adminB, 200),
                new Case<>("/checkin/registrations/{memberId}/confirm", "POST",
                        f -> "/checkin/registrations/" + f.freshPendingA() + "/confirm", f -> Map.of(), adminA, adminB, 200),
                new Case<>("/checkin/registrations/{memberId}/reject", "POST",
                        f -> "/checkin/registrations/" + f.freshPendingA() + "/reject", f -> Map.of("reason", "住址不在本社区"),
                        adminA, adminB, 200),
                // The public board (亮身份) is for everyone signed in: nobody is out of its scope.
                new Case<>("/checkin/board/{nodeCode}", "GET", f -> "/checkin/board/" + f.d.gridA1, null, resident, null, 200),
                new Case<>("/checkin/nodes/{code}/tally", "GET", f -> "/checkin/nodes/" + f.d.gridA1 + "/tally", null,
                        workerA1, leaderB1, 200),
                new Case<>("/checkin/employers/{code}/staff", "GET", f -> "/checkin/employers/" + f.employer + "/staff", null,
                        ownEmployer, otherEmployer, 200),
                new Case<>("/checkin/employers/{code}/tally", "GET", f -> "/checkin/employers/" + f.employer + "/tally", null,
                        ownEmployer, otherEmployer, 200),
                new Case<>("/checkin/clock", "POST", f -> "/checkin/clock",
                        f -> ClockInTest.at(f.d.gridA1, "IN", ClockInTest.LON + 0.005, ClockInTest.LAT + 0.005),
                        Fixture::freshWorkerA1, leaderB1, 201),
                new Case<>("/checkin/grids/{code}/attendance/{memberId}", "GET",
                        f -> "/checkin/grids/" + f.d.gridA1 + "/attendance/worker-a1-" + f.d.prefix + "?month=2026-01", null,
                        adminA, adminB, 200),
                new Case<>("/checkin/services", "POST", f -> "/checkin/services", f -> ServiceRecordTest.service(f.d.gridA1, 60, List.of()),
                        memberA, f -> Members.member(f.d, "member-b", f.d.communityB), 201),
                new Case<>("/checkin/services/{id}/verify", "POST", f -> "/checkin/services/" + f.freshServiceA1() + "/verify", null,
                        f -> f.leaderA1, leaderB1, 200),
                new Case<>("/checkin/services/mine", "GET", f -> "/checkin/services/mine", null, memberA, resident, 200),
                new Case<>("/checkin/services/mine/totals", "GET", f -> "/checkin/services/mine/totals?period=2026", null,
                        memberA, resident, 200),
                new Case<>("/checkin/grids/{code}/ledger", "GET", f -> "/checkin/grids/" + f.d.gridA1 + "/ledger?quarter=" + quarter(), null,
                        workerA1, leaderB1, 200),
                new Case<>("/checkin/leave", "POST", f -> "/checkin/leave", f -> LeaveTest.leave(f.d.gridA1, LeaveTest.today().plusDays(1),
                        LeaveTest.today().plusDays(1), "PERSONAL"), Fixture::freshWorkerA1, leaderB1, 201),
                new Case<>("/checkin/leave/mine", "GET", f -> "/checkin/leave/mine", null, workerA1, resident, 200),
                new Case<>("/checkin/leave/pending", "GET", f -> "/checkin/leave/pending?under=" + f.d.communityA, null,
                        adminA, adminB, 200),
                new Case<>("/checkin/grids/{code}/leave/{memberId}", "GET",
                        f -> "/checkin/grids/" + f.d.gridA1 + "/leave/worker-a1-" + f.d.prefix + "?month=2026-01", null,
                        f -> f.leaderA1, leaderB1, 200),
                new Case<>("/checkin/leave/{id}/approve", "POST", f -> "/checkin/leave/" + f.freshLeaveA1() + "/approve", f -> Map.of(),
                        f -> f.leaderA1, leaderB1, 200),
                new Case<>("/checkin/leave/{id}/reject", "POST", f -> "/checkin/leave/" + f.freshLeaveA1() + "/reject",
                        f -> Map.of("reason", "人手不足"), adminA, adminB, 200),
                new Case<>("/checkin/leave/{id}/cancel", "POST", f -> "/checkin/leave/" + f.freshLeaveA1() + "/cancel", null,
                        f -> f.requester, workerA1, 200),
                new Case<>("/checkin/grids/{code}/attendance", "GET", f -> "/checkin/grids/" + f.d.gridA1 + "/attendance?month=2026-01",
                        null, f -> f.leaderA1, adminB, 200),
                new Case<>("/checkin/photos", "POST", f -> "/checkin/photos", f -> photo(f.d.gridA1), memberA,
                        f -> Members.member(f.d, "member-b", f.d.communityB), 201),
                new Case<>("/checkin/services/{id}", "GET", f -> "/checkin/services/" + f.serviceB, null,
                        f -> Members.member(f.d, "member-b", f.d.communityB), f -> f.leaderA1, 200),
                new Case<>("/checkin/services/{id}/confirm", "POST", f -> "/checkin/services/" + f.freshServiceForA() + "/confirm",
                        f -> Map.of("rating", 4), f -> f.residentA, resident, 200),
                new Case<>("/checkin/services/for-my-household", "GET", f -> "/checkin/services/for-my-household", null,
                        f -> f.residentA, memberA, 200),
                new Case<>("/checkin/grids/{code}/publications", "POST", f -> "/checkin/grids/" + f.d.gridA1 + "/publications",
                        f -> Map.of("quarter", f.freshQuarter()), f -> f.leaderA1, leaderB1, 201),
                // The publication (公示) is for everyone signed in, like the board.
                new Case<>("/checkin/grids/{code}/publications/{quarter}", "GET", f -> "/checkin/grids/" + f.d.gridA1 + "/publications/2020Q4",
                        null, resident, null, 200),
                // Any staff member in the district reads its calendar; staff of another district do not.
                new Case<>("/checkin/calendars/{district}/{year}", "GET", f -> CalendarTest.path(f.d.district, 2030), null,
                        workerA1, f -> Fixture.districtAdmin(f.d.prefix + "Y"), 200),
                new Case<>("/checkin/calendars/{district}/{year}", "PUT", f -> CalendarTest.path(f.d.district, 2030),
                        f -> CalendarTest.calendar(0, List.of(CalendarTest.day(java.time.LocalDate.of(2030, 1, 1), "元旦")), List.of()),
                        f -> f.d.districtAdmin, f -> f.d.streetAdmin, 200)), EvaluationAccess.cases());
    }

    @Override
    protected Stream<Cross<Fixture>> crossCases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        return Stream.concat(Stream.of(
                new Cross<>("/checkin/registrations", "POST", f -> "/checkin/registrations",
                        f -> Members.registration(f.d.gridB1, f.employer, false), Fixture::freshMemberA),
                new Cross<>("/checkin/registrations/{memberId}/confirm", "POST",
                        f -> "/checkin/registrations/" + f.pendingB + "/confirm", f -> Map.of(), adminA),
                new Cross<>("/checkin/registrations/{memberId}/reject", "POST",
                        f -> "/checkin/registrations/" + f.pendingB + "/reject", f -> Map.of("reason", "越界退回"), adminA),
                new Cross<>("/checkin/clock", "POST", f -> "/checkin/clock", f -> ClockInTest.at(f.d.gridB1, "IN", 116.0, 39.0),
                        f -> f.d.workerA1),
                new Cross<>("/checkin/services", "POST", f -> "/checkin/services", f -> ServiceRecordTest.service(f.d.gridB1, 60, List.of()),
                        f -> f.memberA),
                new Cross<>("/checkin/services/{id}/verify", "POST", f -> "/checkin/services/" + f.serviceB + "/verify", null,
                        f -> f.leaderA1),
                new Cross<>("/checkin/leave", "POST", f -> "/checkin/leave", f -> LeaveTest.leave(f.d.gridB1, LeaveTest.today().plusDays(3),
                        LeaveTest.today().plusDays(3), "SICK"), f -> f.d.workerA1),
                new Cross<>("/checkin/leave/{id}/approve", "POST", f -> "/checkin/leave/" + f.leaveB + "/approve", f -> Map.of(),
                        f -> f.leaderA1),
                new Cross<>("/checkin/leave/{id}/reject", "POST", f -> "/checkin/leave/" + f.leaveB + "/reject",
                        f -> Map.of("reason", "越界"), adminA),
                new Cross<>("/checkin/leave/{id}/cancel", "POST", f -> "/checkin/leave/" + f.leaveB + "/cancel", null,
                        f -> f.d.workerA1),
                new Cross<>("/checkin/photos", "POST", f -> "/checkin/photos", f -> photo(f.d.gridB1), f -> f.memberA),
                new Cross<>("/checkin/services/{id}/confirm", "POST", f -> "/checkin/services/" + f.serviceForB + "/confirm",
                        f -> Map.of("rating", 1), f -> f.residentA),
                new Cross<>("/checkin/grids/{code}/publications", "POST", f -> "/checkin/grids/" + f.d.gridB1 + "/publications",
                        f -> Map.of("quarter", "2020Q4"), f -> f.leaderA1),
                new Cross<>("/checkin/calendars/{district}/{year}", "PUT", f -> CalendarTest.path(f.otherDistrict(), 2030),
                        f -> CalendarTest.calendar(0, List.of(), List.of()), f -> f.d.districtAdmin)), EvaluationAccess.crossCases());
    }
}
