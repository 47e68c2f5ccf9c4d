package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The year-end evaluation (年终考评) on the engine: rules with versions, a proposal explained criterion by
 * criterion from the kept totals, an override with its reason kept, finalisation (after which changes are 409),
 * the member's own view, the employer's final grades, and the employer ranking's participation.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class EvaluationTest {

    @jakarta.inject.Inject
    org.redgrid.checkin.control.CheckinStore store;

    static Map<String, Object> rules(int wHours, int wRecords, double hoursTarget, double good, double fairlyGood,
            double average, Long baseVersion) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "weights", Map.of("hours", wHours, "records", wRecords, "attendance", 0, "rating", 0),
                "targets", Map.of("hours", hoursTarget, "records", 1, "attendanceRate", 0.9, "rating", 4.5),
                "cutoffs", Map.of("good", good, "fairlyGood", fairlyGood, "average", average)));
        if (baseVersion != null) {
            body.put("baseVersion", baseVersion);
        }
        return body;
    }

    @Test
    void aCommunityProposesOverridesWithAReasonAndFinalisesAndTheEmployerReadsTheGrades() {
        DemoDistrict d = DemoDistrict.create();
        String year = ServiceRecordTest.today().substring(0, 4);
        String code = Units.register(d, Units.freshCode());
        Map<String, String> aCaller = Members.member(d, "eval-a", d.communityA);
        Map<String, String> bCaller = Members.member(d, "eval-b", d.communityA);
        String a = Members.register(aCaller, Units.registration(d.gridA1, code, Units.freshPhone()));
        String b = Members.register(bCaller, Units.registration(d.gridA2, code, Units.freshPhone()));
        for (String m : List.of(a, b)) {
            assertEquals(200, Gateway.post(d.adminA, "/checkin/registrations/" + m + "/confirm", Map.of()).status());
        }
        String service = Gateway.post(aCaller, "/checkin/services", ServiceRecordTest.service(d.gridA1, 120, List.of())).json().getString("id");
        assertEquals(200, Gateway.post(ServiceRecordTest.leader(d), "/checkin/services/" + service + "/verify", null).status());

        String rulesPath = "/checkin/communities/" + d.communityA + "/evaluation-rules";
        assertEquals(0, Gateway.get(d.adminA, rulesPath).json().getInt("version"), "defaults before any rules");
        Gateway.Reply set = Gateway.post(d.adminA, rulesPath, rules(50, 50, 2, 90, 60, 30, 0L));
        assertEquals(201, set.status(), set::toString);
        assertEquals(1, set.json().getInt("version"));
        Gateway.Reply stale = Gateway.post(d.adminA, rulesPath, rules(50, 50, 2, 90, 60, 30, 0L));
        assertEquals(409, stale.status(), "rules edited from an old version are refused");
        assertEquals("VERSION_CONFLICT", stale.json().getString("code"));
        Gateway.Reply upside = Gateway.post(d.adminA, rulesPath, rules(50, 50, 2, 50, 60, 30, 1L));
        assertEquals(400, upside.status(), upside::toString);
        assertEquals("CUTOFFS_NOT_DESCENDING", upside.json().getString("errors[0].code"));
        assertEquals(403, Gateway.post(d.streetAdmin, rulesPath, rules(50, 50, 2, 90, 60, 30, 1L)).status(),
                "a street reads evaluations, the community sets them");
        assertEquals(List.of(1), Gateway.get(d.streetAdmin, rulesPath + "/history").json().getList("items.version"));

        String sheetPath = "/checkin/communities/" + d.communityA + "/evaluations/" + year;
        assertEquals(404, Gateway.get(d.adminA, sheetPath).status(), "no sheet before a proposal");
        Gateway.Reply proposed = Gateway.post(d.adminA, sheetPath + "/propose", null);
        assertEquals(200, proposed.status(), proposed::toString);
        assertEquals("PROPOSED", proposed.json().getString("status"));
        assertEquals(2, proposed.json().getInt("members"));
        assertEquals(Map.of("GOOD", 1, "FAIRLY_GOOD", 0, "AVERAGE", 0, "POOR", 1), proposed.json().getMap("grades"));

        JsonPath sheet = Gateway.get(d.streetAdmin, sheetPath).json();
        Map<String, Object> ofA = sheet.getMap("items.find { it.memberId == '" + a + "' }");
        assertEquals(100.0f, ofA.get("score"));
        assertEquals("GOOD", ofA.get("grade"));
        assertEquals("好", ofA.get("gradeLabel"));
        assertEquals(2.0f, ofA.get("hours"));
        assertEquals("幸福社区", ofA.get("communityName"));
        assertEquals(List.of("HOURS", "RECORDS", "ATTENDANCE", "RATING"), sheet.getList("items.find { it.memberId == '" + a + "' }.breakdown.criterion"));
        assertEquals(List.of(50.0f, 50.0f, 0.0f, 0.0f), sheet.getList("items.find { it.memberId == '" + a + "' }.breakdown.contribution"));
        assertEquals(false, sheet.getBoolean("items.find { it.memberId == '" + a + "' }.breakdown[2].applies"),
                "attendance counts only for cadres with duty days");
        assertEquals("POOR", sheet.getString("items.find { it.memberId == '" + b + "' }.grade"));

        String overridePath = sheetPath + "/members/" + b + "/override";
        Gateway.Reply noReason = Gateway.post(d.adminA, overridePath, Map.of("grade", "AVERAGE"));
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.json().getString("errors[0].field"));
        Gateway.Reply overridden = Gateway.post(d.adminA, overridePath, Map.of("grade", "AVERAGE", "reason", "全年坚持参加社区夜间巡逻，未登记纪实"));
        assertEquals(200, overridden.status(), overridden::toString);
        assertEquals("AVERAGE", overridden.json().getString("grade"));
        assertEquals("POOR", overridden.json().getString("proposedGrade"));
        assertTrue(overridden.json().getBoolean("overridden"));
        Gateway.Reply same = Gateway.post(d.adminA, overridePath, Map.of("grade", "AVERAGE", "reason", "再次确认"));
        assertEquals(409, same.status());
        assertEquals("GRADE_UNCHANGED", same.json().getString("code"));

        JsonPath audit = Gateway.get(d.districtAdmin, sheetPath + "/overrides").json();
        assertEquals(1, audit.getList("items").size());
        assertEquals(List.of(b, "POOR", "AVERAGE", "全年坚持参加社区夜间巡逻，未登记纪实", "admin-a-" + d.prefix),
                List.of(audit.getString("items[0].memberId"), audit.getString("items[0].from"), audit.getString("items[0].to"),
                        audit.getString("items[0].reason"), audit.getString("items[0].by")));

        Gateway.Reply again = Gateway.post(d.adminA, sheetPath + "/propose", null);
        assertEquals(1, again.json().getInt("overrides"));
        assertEquals("AVERAGE", Gateway.get(d.adminA, sheetPath).json().getString("items.find { it.memberId == '" + b + "' }.grade"),
                "a new proposal keeps the override");
        assertEquals("GOOD", Gateway.get(aCaller, "/checkin/evaluations/mine?year=" + year).json().getString("grade"));
        assertEquals(404, Gateway.get(aCaller, "/checkin/evaluations/mine?year=2001").status());

        Map<String, String> unit = Members.employer(code);
        String gradesPath = "/checkin/employers/" + code + "/evaluations/" + year;
        assertEquals(List.of(), Gateway.get(unit, gradesPath).json().getList("items"), "the employer sees final grades only");

        Gateway.Reply finalised = Gateway.post(d.adminA, sheetPath + "/finalise", null);
        assertEquals(200, finalised.status(), finalised::toString);
        assertEquals("FINAL", finalised.json().getString("status"));
        assertEquals(Map.of("GOOD", 1, "FAIRLY_GOOD", 0, "AVERAGE", 1, "POOR", 0), finalised.json().getMap("grades"));
        for (String[] late : new String[][] { { overridePath, "GOOD" }, { sheetPath + "/propose", null }, { sheetPath + "/finalise", null } }) {
            Gateway.Reply refused = Gateway.post(d.adminA, late[0], late[1] == null ? null : Map.of("grade", late[1], "reason", "定稿后再改"));
            assertEquals(409, refused.status(), refused::toString);
            assertEquals("EVALUATION_FINAL", refused.json().getString("code"));
        }

        JsonPath notices = Gateway.get(unit, gradesPath).json();
        assertEquals(2, notices.getList("items").size());
        Map<String, Object> notice = notices.getMap("items.find { it.memberId == '" + a + "' }");
        assertEquals("好", notice.get("gradeLabel"));
        assertEquals(code, notice.get("employerCode"));
        assertEquals("区卫健委", notice.get("employerName"));
        assertEquals("幸福社区", notice.get("communityName"));
        assertEquals(year, notice.get("year"));
        assertEquals(2.0f, notice.get("hours"));
        assertEquals(1, notice.get("records"));
        assertEquals(ServiceRecordTest.today(), notice.get("noticeDate"));
        assertEquals(403, Gateway.get(Members.employer(Units.freshCode()), gradesPath).status());

        JsonPath ranking = Gateway.get(d.streetAdmin, "/checkin/employers/ranking?under=" + d.street + "&year=" + year).json();
        Map<String, Object> ranked = ranking.getMap("items.find { it.code == '" + code + "' }");
        assertEquals(1, ranked.get("participants"), "one of the unit's two confirmed members served");
        assertEquals(0.5f, ranked.get("participationRate"));
        assertEquals(25.0f, ranked.get("score"));
        assertEquals(1, ranked.get("rank"));
    }

    @Test
    void aCadreIsJudgedOnAttendanceAndResidentsRatingsCountFromTheKeptTotals() {
        DemoDistrict d = DemoDistrict.create();
        ClockInTest.drawBoundary(d);
        String year = ServiceRecordTest.today().substring(0, 4);
        String login = "cadre-" + d.prefix;
        Map<String, String> cadre = org.redgrid.testkit.Tokens.idToken(login, "party-member@" + d.communityA, "grid-worker@" + d.gridA1);
        Members.register(cadre, Units.registration(d.gridA1, "E" + d.prefix, Units.freshPhone()));
        assertEquals(200, Gateway.post(d.adminA, "/checkin/registrations/" + login + "/confirm", Map.of()).status());
        Gateway.Reply in = Gateway.post(cadre, "/checkin/clock", ClockInTest.at(d.gridA1, "IN", ClockInTest.LON + 0.005, ClockInTest.LAT + 0.005));
        assertEquals(201, in.status(), in::toString);

        // Residents' ratings as the confirmations keep them on the member's year totals (the s2-checkin branch).
        store.table().db().updateItem(u -> u.tableName(store.table().name())
                .key(org.redgrid.kernel.dynamo.SingleTable.key("TOTALS#" + login, year))
                .updateExpression("ADD ratingSum :s, ratingCount :c")
                .expressionAttributeValues(org.redgrid.kernel.dynamo.SingleTable.values(":s", 9, ":c", 2)));

        Gateway.Reply proposed = Gateway.post(d.adminA, "/checkin/communities/" + d.communityA + "/evaluations/" + year + "/propose", null);
        assertEquals(200, proposed.status(), proposed::toString);
        JsonPath mine = Gateway.get(cadre, "/checkin/evaluations/mine?year=" + year).json();
        assertEquals(true, mine.getBoolean("breakdown[2].applies"), "a member who clocks in is judged on attendance");
        java.time.LocalDate today = java.time.LocalDate.parse(ServiceRecordTest.today());
        long weekdays = java.time.LocalDate.of(today.getYear(), 1, 1).datesUntil(today)
                .filter(x -> x.getDayOfWeek().getValue() <= 5).count();
        long todayCounts = today.getDayOfWeek().getValue() <= 5 ? 1 : 0;
        assertEquals((double) todayCounts / (weekdays + todayCounts), mine.getDouble("breakdown[2].value"), 1e-4,
                "one attended day of the year's duty days so far");
        assertEquals(4.5, mine.getDouble("breakdown[3].value"), 1e-9, "the average of the residents' ratings");
        assertEquals(20.0, mine.getDouble("breakdown[3].contribution"), 1e-9, "default weights 40/20/20/20: full rating is 20 points");
    }

    @Test
    void badInputIsAProblemWithAStableCode() {
        DemoDistrict d = DemoDistrict.create();
        String base = "/checkin/communities/" + d.communityA;
        Gateway.Reply grid = Gateway.post(d.adminA, "/checkin/communities/" + d.gridA1 + "/evaluations/2025/propose", null);
        assertEquals(400, grid.status(), grid::toString);
        assertEquals("NOT_A_COMMUNITY", grid.json().getString("code"));
        Gateway.Reply future = Gateway.post(d.adminA, base + "/evaluations/2999/propose", null);
        assertEquals(400, future.status(), future::toString);
        assertEquals("INVALID_YEAR", future.json().getString("code"));
        Gateway.Reply notAYear = Gateway.get(d.adminA, base + "/evaluations/20x5");
        assertEquals(400, notAYear.status(), notAYear::toString);
        Gateway.Reply weights = Gateway.post(d.adminA, base + "/evaluation-rules", rules(0, 0, 2, 90, 60, 30, null));
        assertEquals(400, weights.status(), weights::toString);
        assertEquals("WEIGHTS_ALL_ZERO", weights.json().getString("errors[0].code"));
        Gateway.Reply range = Gateway.post(d.adminA, base + "/evaluation-rules", rules(50, 150, 2, 90, 60, 30, null));
        assertEquals(400, range.status(), range::toString);
        assertEquals("weights.records", range.json().getString("errors[0].field"));
        Gateway.Reply grade = Gateway.post(d.adminA, base + "/evaluations/2025/members/x/override", Map.of("grade", "EXCELLENT", "reason", "x"));
        assertEquals(400, grade.status(), grade::toString);
        assertEquals(404, Gateway.post(d.adminA, base + "/evaluations/2025/finalise", null).status());
        for (Gateway.Reply r : List.of(grid, future, notAYear, weights, range, grade)) {
            assertEquals("application/problem+json", r.header("Content-Type"));
        }
    }
}
