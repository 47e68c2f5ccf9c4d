package org.redgrid.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo data of the check-in domain's employer units and year-end evaluation (工作单位、花名册、年终考评), written
 * through the local gateway after {@link DemoData}: three units in 红星街道's registry, members of them registered at
 * 幸福社区 (three confirmed), 区卫健委's roster (the demo login employer.unit, two of its people not registered yet), a
 * verified service, 幸福社区's rules and this year's proposal with one override.
 */
final class CheckinEvalDemo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    /** Signs an ID token for a login holding some groups (the local issuer). */
    private final BiFunction<String, List<String>, String> tokens;

    CheckinEvalDemo(String base, BiFunction<String, List<String>, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    void seed() throws IOException, InterruptedException {
        String district = tokens.apply("district.admin", List.of("district-admin@D01"));
        String community = tokens.apply("community.admin", List.of("community-admin@C01"));
        String[][] units = { { "E01", "区卫生健康委员会", "王主任", "13900010001" }, { "E02", "区财政局", "钱科长", "13900010004" },
                { "E03", "区委组织部", "孙部长", "13900010005" } };
        for (String[] u : units) {
            send(district, "POST", "/checkin/employers", Map.of("code", u[0], "name", u[1], "nodeCode", "S01", "contactName", u[2],
                    "contactPhone", u[3]));
        }
        // login, name, phone, unit code, unit name, home, confirmed
        String[][] members = { { "eval.zhao", "赵卫东", "13800080001", "E01", "区卫生健康委员会", "B010101", "y" },
                { "eval.qian", "钱红梅", "13800080002", "E01", "区卫生健康委员会", "B010102", "y" },
                { "eval.sun", "孙建军", "13800080003", "E01", "区卫生健康委员会", "G0102", "n" },
                { "eval.li", "李财会", "13800080004", "E02", "区财政局", "G0103", "y" } };
        for (String[] m : members) {
            Map<String, Object> body = new HashMap<>(Map.of("name", m[1], "phone", m[2], "employerCode", m[3], "employerName", m[4],
                    "homeNodeCode", m[5], "skills", List.of("政策宣讲"), "availability", "周末", "showPhone", false));
            send(tokens.apply(m[0], List.of("party-member@C01")), "POST", "/checkin/registrations", body);
            if (m[6].equals("y")) {
                send(community, "POST", "/checkin/registrations/" + m[0] + "/confirm", Map.of());
            }
        }
        send(tokens.apply("employer.unit", List.of("employer-unit@E01")), "POST", "/checkin/employers/E01/roster",
                Map.of("rows", List.of(row("赵卫东", "13800080001", "科长"), row("钱红梅", "13800080002", "科员"),
                        row("孙建军", "13800080003", "副主任"), row("周医生", "13800080005", "医师"), row("吴护士", "13800080006", "护士"))));

        String zhao = tokens.apply("eval.zhao", List.of("party-member@C01"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String service = send(zhao, "POST", "/checkin/services", Map.of("gridCode", "G0101", "day", today, "minutes", 180,
                "category", "健康伴你行", "content", "为 1 号楼老人义诊、测血压并讲解慢病用药", "householdIds", List.of())).path("id").asText();
        send(tokens.apply("grid.leader", List.of("grid-leader@G0101")), "POST", "/checkin/services/" + service + "/verify", null);

        send(community, "POST", "/checkin/communities/C01/evaluation-rules", Map.of(
                "weights", Map.of("hours", 50, "records", 20, "attendance", 10, "rating", 20),
                "targets", Map.of("hours", 3, "records", 2, "attendanceRate", 0.9, "rating", 4.5),
                "cutoffs", Map.of("good", 60, "fairlyGood", 40, "average", 20), "baseVersion", 0));
        String year = today.substring(0, 4);
        send(community, "POST", "/checkin/communities/C01/evaluations/" + year + "/propose", null);
        send(community, "POST", "/checkin/communities/C01/evaluations/" + year + "/members/eval.qian/override",
                Map.of("grade", "FAIRLY_GOOD", "reason", "全年参加社区夜间巡逻 20 余次，多数未登记纪实"));
    }

    private static Map<String, Object> row(String name, String phone, String post) {
        return Map.of("name", name, "phone", phone, "post", post);
    }

    private JsonNode send(String token, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("seeding the evaluation demo: " + method + " " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
