package org.redgrid.infra.local;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three lists' demo data (三张清单示例), written after the directory's through the local gateway, each part by the
 * demo account that would make it: resources of a party member, a partner unit and a volunteer team; needs from a
 * resident and from the grid worker's home visits; a claim; a published project a partner unit picked and one still
 * open for picking; a matching proposal waiting for the community admin.
 */
final class ListsDemo {

    private final String base;
    private final LocalIssuer issuer;

    ListsDemo(String base, LocalIssuer issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    void seed() throws IOException, InterruptedException {
        DemoData member = as("party.member");
        DemoData unit = as("partner.unit");
        DemoData admin = as("community.admin");
        DemoData worker = as("grid.worker");
        DemoData resident = as("resident");

        String self = member.post("/lists/resources", resource("MEMBER", "刘在职（水电维修）", List.of("ELDERLY", "CARE"),
                List.of("水电维修", "代购"), 4)).path("id").asText();
        String clinic = unit.post("/lists/resources", resource("UNIT", "示范区人民医院义诊队", List.of("CLINIC", "HEALTH"),
                List.of("义诊", "健康讲座"), 6)).path("id").asText();
        admin.post("/lists/resources", resource("TEAM", "幸福社区志愿服务队", List.of("ENVIRONMENT", "LABOUR", "PATROL", "CULTURE"),
                List.of("清扫", "巡逻"), 10));

        resident.post("/lists/demands", demand("想要一台收音机听戏", "WISH", "G0101", 2, List.of()));
        String leak = resident.post("/lists/demands", demand("厨房水管漏水，老人无法自行维修", "ELDERLY", "G0101", 4,
                List.of("水电维修"))).path("id").asText();
        String pressure = worker.post("/lists/demands", demand("独居老人需要每周上门测量血压", "CLINIC", "G0101", 4,
                List.of("义诊"))).path("id").asText();
        worker.post("/lists/demands", demand("3号楼楼道堆放杂物，存在消防隐患", "ENVIRONMENT", "G0101", 3, List.of()));
        worker.post("/lists/demands", demand("小区夜间巡逻人手不足", "PATROL", "G0101", 3, List.of("巡逻")));
        String fraud = admin.post("/lists/demands", demand("为社区老人讲解防范电信诈骗", "FINANCE", "G0102", 2, List.of()))
                .path("id").asText();

        member.post("/lists/demands/" + leak + "/claim", Map.of("resourceId", self));

        String projectId = admin.post("/lists/projects", project("健康伴你行·冬季义诊进社区", "联合区人民医院每周在社区卫生站开展义诊与健康讲座",
                "HEALTH", "示范区人民医院", "十二月 健康月", "2026-12-01", pressure)).path("id").asText();
        unit.post("/lists/projects/" + projectId + "/pick", Map.of("resourceId", clinic));
        // published and not yet picked: the one a partner unit finds under 可认领项目 on the phone
        admin.post("/lists/projects", project("金融进万家·防范电信诈骗讲座", "请共建单位派讲师为老人讲解常见骗局与防范办法",
                "FINANCE", "幸福社区党委", "一月 平安月", "2027-01-05", fraud));

        admin.post("/lists/matching/batches", Map.of("nodeCode", "C01"));
    }

    private DemoData as(String username) {
        DemoAccounts.Account account = DemoAccounts.ALL.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        return new DemoData(base, issuer.idToken(account.username(), account.groups()));
    }

    private static Map<String, Object> resource(String kind, String name, List<String> categories, List<String> skills, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("nodeCode", "C01");
        body.put("covers", List.of("C01"));
        body.put("categories", categories);
        body.put("skills", skills);
        body.put("capacity", capacity);
        return body;
    }

    /** A published project of C01 bundling one demand, running a month from {@code start}, budget 3,000 元. */
    private static Map<String, Object> project(String title, String description, String category, String owner, String theme,
            String start, String demandId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("category", category);
        body.put("communityCode", "C01");
        body.put("ownerUnit", owner);
        body.put("theme", theme);
        body.put("startDate", start);
        body.put("endDate", LocalDate.parse(start).plusMonths(1).minusDays(1).toString());
        body.put("budget", 300000);
        body.put("demandIds", List.of(demandId));
        body.put("published", true);
        return body;
    }

    private static Map<String, Object> demand(String title, String category, String grid, int urgency, List<String> skills) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("category", category);
        body.put("gridCode", grid);
        body.put("urgency", urgency);
        body.put("skills", skills);
        return body;
    }
}
