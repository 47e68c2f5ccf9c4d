package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.redgrid.checkin.AccessControlTest.Fixture;
import org.redgrid.testkit.AccessHarness.Case;
import org.redgrid.testkit.AccessHarness.Cross;
import org.redgrid.testkit.Gateway;

/**
 * The access harness's cases for the employer registry, rosters and year-end evaluation routes (issue 11 part B),
 * with the targets they need: a registered unit with a roster, community A's member confirmed and a year proposed.
 * Every write lands in a year of its own, so a finalisation never closes another case's year.
 */
final class EvaluationAccess {

    /** Targets built once, after the main fixture. */
    static final class Targets {
        final String employer;
        /** Another registered unit, out of the first one's scope. */
        final String other;
        final String baseYear = "2000";
        int years = 2000;

        Targets(Fixture f) {
            employer = Units.register(f.d, Units.freshCode());
            other = Units.register(f.d, Units.freshCode());
            String memberA = "member-a-" + f.d.prefix;
            assertEquals(200, Gateway.post(f.d.adminA, "/checkin/registrations/" + memberA + "/confirm", Map.of()).status());
            assertEquals(200, Gateway.post(Members.employer(employer), "/checkin/employers/" + employer + "/roster",
                    roster()).status());
            propose(f, baseYear);
        }

        /** A year of community A with a fresh proposal. */
        String proposedYear(Fixture f) {
            String year = Integer.toString(++years);
            propose(f, year);
            return year;
        }

        private static void propose(Fixture f, String year) {
            Gateway.Reply r = Gateway.post(f.d.adminA, sheet(f.d.communityA, year) + "/propose", null);
            assertEquals(200, r.status(), r::toString);
        }
    }

    private EvaluationAccess() {
    }

    static String sheet(String community, String year) {
        return "/checkin/communities/" + community + "/evaluations/" + year;
    }

    static Map<String, Object> roster() {
        return Units.roster(List.of(Units.row("张一", "13700000001", "科员")));
    }

    static Stream<Case<Fixture>> cases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        Function<Fixture, Map<String, String>> adminB = f -> f.d.adminB;
        Function<Fixture, Map<String, String>> street = f -> f.d.streetAdmin;
        Function<Fixture, Map<String, String>> unit = f -> Members.employer(f.eval().employer);
        Function<Fixture, Map<String, String>> otherUnit = f -> Members.employer(f.eval().other);
        return Stream.of(
                new Case<>("/checkin/employers", "POST", f -> "/checkin/employers", f -> Units.employer(Units.freshCode(), f.d.street),
                        street, adminA, 201),
                new Case<>("/checkin/employers", "GET", f -> "/checkin/employers?under=" + f.d.street, null, street, adminA, 200),
                new Case<>("/checkin/employers/ranking", "GET", f -> "/checkin/employers/ranking?under=" + f.d.street + "&year=2000",
                        null, street, adminA, 200),
                new Case<>("/checkin/employers/{code}/roster", "POST", f -> "/checkin/employers/" + f.eval().employer + "/roster",
                        f -> roster(), unit, otherUnit, 200),
                new Case<>("/checkin/employers/{code}/roster", "GET", f -> "/checkin/employers/" + f.eval().employer + "/roster",
                        null, unit, otherUnit, 200),
                new Case<>("/checkin/employers/{code}/rate", "GET", f -> "/checkin/employers/" + f.eval().employer + "/rate",
                        null, unit, otherUnit, 200),
                new Case<>("/checkin/employers/{code}/evaluations/{year}", "GET",
                        f -> "/checkin/employers/" + f.eval().employer + "/evaluations/2000", null, unit, otherUnit, 200),
                new Case<>("/checkin/communities/{code}/evaluation-rules", "GET",
                        f -> "/checkin/communities/" + f.d.communityA + "/evaluation-rules", null, adminA, adminB, 200),
                new Case<>("/checkin/communities/{code}/evaluation-rules/history", "GET",
                        f -> "/checkin/communities/" + f.d.communityA + "/evaluation-rules/history", null, adminA, adminB, 200),
                new Case<>("/checkin/communities/{code}/evaluation-rules", "POST",
                        f -> "/checkin/communities/" + f.d.communityA + "/evaluation-rules",
                        f -> EvaluationTest.rules(40, 60, 10, 80, 60, 40, null), adminA, adminB, 201),
                new Case<>("/checkin/communities/{code}/evaluations/{year}/propose", "POST",
                        f -> sheet(f.d.communityA, Integer.toString(++f.eval().years)) + "/propose", null, adminA, adminB, 200),
                new Case<>("/checkin/communities/{code}/evaluations/{year}", "GET",
                        f -> sheet(f.d.communityA, f.eval().baseYear), null, adminA, adminB, 200),
                new Case<>("/checkin/communities/{code}/evaluations/{year}/members/{memberId}/override", "POST",
                        f -> sheet(f.d.communityA, f.eval().proposedYear(f)) + "/members/member-a-" + f.d.prefix + "/override",
                        f -> Map.of("grade", "GOOD", "reason", "群众反映良好"), adminA, adminB, 200),
                new Case<>("/checkin/communities/{code}/evaluations/{year}/overrides", "GET",
                        f -> sheet(f.d.communityA, f.eval().baseYear) + "/overrides", null, adminA, adminB, 200),
                new Case<>("/checkin/communities/{code}/evaluations/{year}/finalise", "POST",
                        f -> sheet(f.d.communityA, f.eval().proposedYear(f)) + "/finalise", null, adminA, adminB, 200),
                new Case<>("/checkin/evaluations/mine", "GET", f -> "/checkin/evaluations/mine?year=2000", null,
                        f -> f.memberA, f -> f.resident, 200));
    }

    /** Writes by a caller whose scope covers their own target, aimed at community B or another unit. */
    static Stream<Cross<Fixture>> crossCases() {
        Function<Fixture, Map<String, String>> adminA = f -> f.d.adminA;
        return Stream.of(
                new Cross<>("/checkin/employers", "POST", f -> "/checkin/employers",
                        f -> Units.employer(Units.freshCode(), f.d.street), adminA),
                new Cross<>("/checkin/employers/{code}/roster", "POST", f -> "/checkin/employers/" + f.eval().other + "/roster",
                        f -> Units.roster(List.of()), f -> Members.employer(f.eval().employer)),
                new Cross<>("/checkin/communities/{code}/evaluation-rules", "POST",
                        f -> "/checkin/communities/" + f.d.communityB + "/evaluation-rules",
                        f -> EvaluationTest.rules(40, 60, 10, 80, 60, 40, null), adminA),
                new Cross<>("/checkin/communities/{code}/evaluations/{year}/propose", "POST",
                        f -> sheet(f.d.communityB, "2000") + "/propose", null, adminA),
                new Cross<>("/checkin/communities/{code}/evaluations/{year}/members/{memberId}/override", "POST",
                        f -> sheet(f.d.communityB, "2000") + "/members/member-b-" + f.d.prefix + "/override",
                        f -> Map.of("grade", "GOOD", "reason", "越界改评"), adminA),
                new Cross<>("/checkin/communities/{code}/evaluations/{year}/finalise", "POST",
                        f -> sheet(f.d.communityB, "2000") + "/finalise", null, adminA));
    }

    /** Community B's rules and year 2000, another unit's roster and the street's registry, as their owners read them. */
    static String snapshot(Fixture f) {
        return Gateway.get(f.d.adminB, "/checkin/communities/" + f.d.communityB + "/evaluation-rules").body()
                + Gateway.get(f.d.adminB, sheet(f.d.communityB, "2000")).status()
                + Gateway.get(Members.employer(f.eval().other), "/checkin/employers/" + f.eval().other + "/rate").body()
                + Gateway.get(f.d.streetAdmin, "/checkin/employers?under=" + f.d.street + "&limit=100").body();
    }
}
