package org.redgrid.infra.local;

import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The points demo (文明积分演示数据) for 幸福社区 (C01), written through the gateway like {@link DemoData}: the
 * community's settings and rule catalogue, an account for each of its households, awards, a store with goods and a
 * redemption, last month's published inspection sheet of 幸福一网格 and this month's open one.
 */
final class PointsDemo {

    /** A call of the local API as the seeding administrator. */
    interface Api {
        JsonNode call(String path, Object body, String method) throws IOException, InterruptedException;
    }

    static final String COMMUNITY = "C01";
    static final String GRID = "G0101";

    private final Api api;

    PointsDemo(Api api) {
        this.api = api;
    }

    void seed() throws IOException, InterruptedException {
        api.call("/points/communities/" + COMMUNITY + "/settings", Map.of("approvalThreshold", 100, "issuingLimit", 1_000_000,
                "householdMonthlyCap", 300, "expiryMonths", 12), "PUT");
        rule(Map.of("kind", "INSPECTION", "name", "月度清洁户", "points", 20, "threshold", 24, "maxScore", 10));
        rule(Map.of("kind", "SERVICE_HOUR", "name", "志愿服务（每小时）", "points", 10, "monthlyCap", 100));
        rule(Map.of("kind", "PROJECT_HOUR", "name", "项目参与（每小时）", "points", 8, "monthlyCap", 80));
        rule(Map.of("kind", "MANUAL", "name", "见义勇为", "points", 50));
        String helping = rule(Map.of("kind", "MANUAL", "name", "邻里互助", "points", 5, "monthlyCap", 20));

        // The directory demo's households of 幸福社区 (its browser steps count them, so none are added here).
        Map<String, String> households = new LinkedHashMap<>();
        Map<String, String> inGrid = new LinkedHashMap<>();
        for (JsonNode h : api.call("/directory/households?under=" + COMMUNITY + "&limit=100", null, "GET").path("items")) {
            String id = h.path("id").asText();
            api.call("/points/accounts", Map.of("householdId", id), "POST");
            String name = h.path("label").isMissingNode() || h.path("label").isNull() ? h.path("address").asText()
                    : h.path("label").asText();
            households.put(name, id);
            if (h.path("pathNames").toString().contains("幸福一网格")) {
                inGrid.put(name, id);
            }
        }
        long[] points = { 80, 60, 40, 30 };
        int i = 0;
        for (String id : households.values()) {
            api.call("/points/awards", Map.of("householdId", id, "points", points[i++ % points.length], "reason", "参加社区环境整治"), "POST");
        }
        String wang = households.get("王家");
        api.call("/points/awards", Map.of("householdId", wang, "points", 5, "reason", "帮助邻居照看老人", "ruleId", helping), "POST");

        String store = api.call("/points/stores", Map.of("name", "幸福社区积分超市", "nodeCode", COMMUNITY), "POST").path("id").asText();
        Map<String, Object[]> goods = new LinkedHashMap<>();
        goods.put("香皂", new Object[] { 10, 50 });
        goods.put("毛巾", new Object[] { 20, 30 });
        goods.put("洗衣液", new Object[] { 50, 20 });
        goods.put("大米（5kg）", new Object[] { 120, 10 });
        String soap = null;
        for (Map.Entry<String, Object[]> g : goods.entrySet()) {
            String id = api.call("/points/stores/" + store + "/goods", Map.of("name", g.getKey(), "price", g.getValue()[0],
                    "stock", g.getValue()[1]), "POST").path("id").asText();
            soap = soap == null ? id : soap;
        }
        api.call("/points/redemptions", Map.of("storeId", store, "goodId", soap, "householdId", wang, "quantity", 1), "POST");

        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        String last = "/points/inspections/" + GRID + "/" + now.minusMonths(1);
        api.call("/points/inspections", Map.of("gridCode", GRID, "month", now.minusMonths(1).toString()), "POST");
        long[][] scores = { { 9, 9, 9 }, { 8, 9, 8 }, { 6, 6, 6 }, { 8, 8, 8 } };
        i = 0;
        for (String id : inGrid.values()) {
            long[] s = scores[i++ % scores.length];
            api.call(last + "/scores/" + id, Map.of("personal", s[0], "indoor", s[1], "surroundings", s[2]), "PUT");
        }
        api.call(last + "/publish", null, "POST");
        api.call("/points/inspections", Map.of("gridCode", GRID, "month", now.toString()), "POST");
    }

    private String rule(Map<String, Object> body) throws IOException, InterruptedException {
        return api.call("/points/communities/" + COMMUNITY + "/rules", body, "POST").path("id").asText();
    }
}
