package org.redgrid.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The check-in domain's demo data (报到打卡演示数据), written after {@link DemoData} through the local gateway as each
 * person would, with their own token: registrations (confirmed and pending), clock-ins, leave (approved, pending),
 * service records (verified by the grid leader, confirmed by the beneficiary household, still open) and the grid's
 * published last quarter. Clock-ins are real ones with server time, so they are made only when seeding happens
 * inside the duty window.
 */
final class CheckinDemo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final LocalIssuer issuer;

    CheckinDemo(String base, LocalIssuer issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    void seed() throws IOException, InterruptedException {
        String member = token("party.member", "party-member@C01");
        String admin = token("community.admin", "community-admin@C01");
        String leader = token("grid.leader", "grid-leader@G0101");
        String cadre = token("sinking.cadre", "grid-worker@G0102");
        String worker = token("grid.worker", "grid-worker@G0101");

        register(member, "刘在职", "B010101", true);
        call(admin, "POST", "/checkin/registrations/party.member/confirm", Map.of());
        register(token("member.chen", "party-member@C01"), "陈报到", "G0102", false);
        register(token("member.sun", "party-member@C02"), "孙报到", "G0201", false);

        for (String[] clock : new String[][] { { worker, "G0101", "116.392" }, { cadre, "G0102", "116.402" } }) {
            attempt(clock[0], "/checkin/clock", Map.of("gridCode", clock[1], "kind", "IN", "lon", Double.parseDouble(clock[2]), "lat", 39.902));
        }

        LocalDate today = LocalDate.now(ZONE);
        LocalDate lastMonday = today.minusWeeks(1).with(DayOfWeek.MONDAY);
        String sick = call(cadre, "POST", "/checkin/leave", leave("G0102", lastMonday, lastMonday.plusDays(1), "SICK", "感冒发烧，社区医院就诊")).path("id").asText();
        call(admin, "POST", "/checkin/leave/" + sick + "/approve", Map.of());
        call(cadre, "POST", "/checkin/leave", leave("G0102", today.plusDays(3), today.plusDays(4), "PERSONAL", "子女升学考试陪考"));
        call(worker, "POST", "/checkin/leave", leave("G0101", today.plusDays(7), today.plusDays(7), "ANNUAL", "年休假"));

        String household = call(token("resident", "resident"), "GET", "/directory/me", null).path("householdId").asText();
        String verified = service(member, today.minusDays(6), 120, "助老", "为王秀英老人代购药品、测量血压", List.of(household));
        call(leader, "POST", "/checkin/services/" + verified + "/verify", null);
        service(member, today.minusDays(2), 90, "环境整治", "清理1号楼楼道杂物", List.of(household));
        service(member, today.minusDays(1), 60, "政策宣讲", "在小区广场宣讲医保缴费政策", List.of());
        LocalDate lastQuarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1).minusMonths(3);
        call(leader, "POST", "/checkin/services/" + service(member, lastQuarter.plusDays(10), 180, "义诊", "社区义诊，测血糖 30 人次", List.of())
                + "/verify", null);
        call(leader, "POST", "/checkin/grids/G0101/publications",
                Map.of("quarter", lastQuarter.getYear() + "Q" + ((lastQuarter.getMonthValue() - 1) / 3 + 1)));
    }

    private String token(String login, String group) {
        return issuer.idToken(login, List.of(group));
    }

    private void register(String member, String name, String home, boolean showPhone) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", "13800050009", "employerCode", "E01",
                "employerName", "区卫健委", "homeNodeCode", home, "skills", List.of("政策宣讲", "义诊"), "showPhone", showPhone));
        body.put("availability", "周末上午");
        call(member, "POST", "/checkin/registrations", body);
    }

    private static Map<String, Object> leave(String grid, LocalDate from, LocalDate to, String type, String reason) {
        return Map.of("gridCode", grid, "from", from.toString(), "to", to.toString(), "type", type, "reason", reason);
    }

    private String service(String member, LocalDate day, int minutes, String category, String content, List<String> households)
            throws IOException, InterruptedException {
        return call(member, "POST", "/checkin/services", Map.of("gridCode", "G0101", "day", day.toString(), "minutes", minutes,
                "category", category, "content", content, "householdIds", households)).path("id").asText();
    }

    /** A clock-in outside the duty window is refused (422): the demo then simply has none. */
    private void attempt(String token, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(token, "POST", path, body);
        if (response.statusCode() >= 300 && response.statusCode() != 422) {
            throw new IOException("seeding POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private JsonNode call(String token, String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(token, method, path, body);
        if (response.statusCode() >= 300) {
            throw new IOException("seeding " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String token, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
