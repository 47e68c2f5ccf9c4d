package org.redgrid.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo data for an empty store, written through the local gateway and the function like any client would: one
 * district, one street, three communities with ten grids and a special grid, buildings, households, people in
 * every post, residents and partner units.
 */
final class DemoData {

    static final String DISTRICT = "D01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    DemoData(String base, String districtAdminToken) {
        this.base = base;
        this.token = districtAdminToken;
    }

    void seed() throws IOException, InterruptedException {
        node("D01", "示范区", "DISTRICT", null, null);
        node("S01", "红星街道", "STREET", "D01", null);
        String[][] communities = { { "C01", "幸福社区" }, { "C02", "和平社区" }, { "C03", "光明社区" } };
        int[] gridsPer = { 4, 3, 3 };
        String[] numbers = { "一", "二", "三", "四" };
        List<String> grids = new ArrayList<>();
        for (int c = 0; c < communities.length; c++) {
            node(communities[c][0], communities[c][1], "COMMUNITY", "S01", null);
            for (int g = 1; g <= gridsPer[c]; g++) {
                String code = "G0" + (c + 1) + "0" + g;
                double lon = 116.39 + 0.01 * (g - 1);
                double lat = 39.90 + 0.01 * c;
                node(code, communities[c][1].replace("社区", "") + numbers[g - 1] + "网格", "GRID", communities[c][0], square(lon, lat, 0.0095));
                grids.add(code);
            }
        }
        node("X0101", "示范区第一小学", "SPECIAL_GRID", "C01", null, "学校");
        for (int b = 1; b <= 3; b++) {
            node("B01010" + b, b + "号楼", "BUILDING", "G0101", square(116.39 + 0.003 * (b - 1), 39.90, 0.0025));
        }
        node("B020101", "5号楼", "BUILDING", "G0201", null);

        String household = post("/directory/households", Map.of("nodeCode", "B010101", "address", "幸福小区1号楼101室", "label", "王家")).path("id").asText();
        post("/directory/households", Map.of("nodeCode", "B010102", "address", "幸福小区2号楼302室"));
        post("/directory/households", Map.of("nodeCode", "G0201", "address", "和平里5号院"));

        person(Map.of("name", "王秀英", "gender", "FEMALE", "phone", "13800010001", "idNumber", "11010519491231002X",
                "householdId", household, "account", "resident"));
        person(Map.of("name", "王建国", "gender", "MALE", "phone", "13800010002", "householdId", household));
        post("/directory/people/" + person(Map.of("name", "李网格长", "phone", "13800020001", "homeNodeCode", "G0101")) + "/positions/G0101/GRID_LEADER", null, "PUT");
        post("/directory/people/" + person(Map.of("name", "张网格员", "phone", "13800020002", "homeNodeCode", "G0101")) + "/positions/G0101/GRID_WORKER", null, "PUT");
        for (int i = 1; i < grids.size(); i++) {
            String id = person(Map.of("name", "网格员" + (i + 1) + "号", "phone", String.format("1380003%04d", i), "homeNodeCode", grids.get(i)));
            post("/directory/people/" + id + "/positions/" + grids.get(i) + "/GRID_WORKER", null, "PUT");
        }
        post("/directory/people/" + person(Map.of("name", "赵楼长", "phone", "13800040001", "homeNodeCode", "B010101")) + "/positions/B010101/BUILDING_LEADER", null, "PUT");
        String[][] members = { { "刘在职", "IN_SERVICE", "区财政局" }, { "陈退休", "RETIRED", "" }, { "孙流动", "FLOATING", "" } };
        for (int i = 0; i < members.length; i++) {
            Map<String, Object> p = new HashMap<>(Map.of("name", members[i][0], "phone", "1380005000" + i, "homeNodeCode", "G0102",
                    "partyStatus", members[i][1]));
            if (!members[i][2].isEmpty()) {
                p.put("employer", members[i][2]);
            }
            post("/directory/people/" + person(p) + "/positions/C01/PARTY_MEMBER", null, "PUT");
        }
        post("/directory/people/" + person(Map.of("name", "周下沉", "phone", "13800060001", "homeNodeCode", "G0201",
                "employer", "区委组织部")) + "/positions/C02/SINKING_CADRE", null, "PUT");
        post("/directory/people/" + person(Map.of("name", "吴志愿", "phone", "13800070001", "homeNodeCode", "G0301")) + "/positions/G0301/VOLUNTEER", null, "PUT");

        unit("区卫生健康委员会", "机关", "C01", "王主任", "13900010001");
        unit("红星实业有限公司", "企业", "C02", "钱经理", "13900010002");
        unit("示范区人民医院", "医院", "S01", "郑医生", "13900010003");
    }

    private static Map<String, Object> square(double lon, double lat, double size) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon, lat), List.of(lon + size, lat),
                List.of(lon + size, lat + size), List.of(lon, lat + size), List.of(lon, lat))));
    }

    private void node(String code, String name, String level, String parent, Map<String, Object> boundary) throws IOException, InterruptedException {
        node(code, name, level, parent, boundary, null);
    }

    private void node(String code, String name, String level, String parent, Map<String, Object> boundary, String category)
            throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (boundary != null) {
            body.put("boundary", boundary);
        }
        if (category != null) {
            body.put("category", category);
        }
        post("/directory/nodes", body);
    }

    private String person(Map<String, Object> body) throws IOException, InterruptedException {
        return post("/directory/people", body).path("id").asText();
    }

    private void unit(String name, String kind, String node, String contact, String phone) throws IOException, InterruptedException {
        post("/directory/units", Map.of("name", name, "kind", kind, "nodeCode", node, "contacts",
                List.of(Map.of("name", contact, "title", "联络人", "phone", phone))));
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return post(path, body, "POST");
    }

    private JsonNode post(String path, Object body, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("seeding " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
