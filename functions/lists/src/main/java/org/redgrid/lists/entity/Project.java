package org.redgrid.lists.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A project (项目): demands and resources bundled under an owner unit in a community, with a schedule, a budget in
 * fen, an optional monthly theme (一月一主题); published for partner units to pick; completed with its participants'
 * hours, beneficiaries and outcome photos, then evaluated.
 */
@RegisterForReflection
public record Project(String id, String title, String description, String category, String communityCode,
        String communityPath, String ownerUnit, String theme, String startDate, String endDate, long budget,
        List<String> demandIds, List<String> resourceIds, boolean published, ProjectStatus status,
        List<Participant> participants, List<String> beneficiaryHouseholdIds, List<String> outcomePhotoKeys,
        String summary, String completedAt, Demand.Feedback evaluation, String createdBy, String createdAt, long version) {

    /** 参与人: a login and the hours they served. */
    @RegisterForReflection
    @Schema(name = "ProjectParticipant")
    public record Participant(String login, BigDecimal hours) {
    }

    public static Map<String, AttributeValue> indexKeys(String communityPath, String startDate, String id,
            ProjectStatus status) {
        return Map.of(SingleTable.GSI2PK, s(Keys.projects(status, Keys.root(communityPath))),
                SingleTable.GSI2SK, s(communityPath + startDate + "#" + id));
    }

    public Map<String, AttributeValue> indexKeys(ProjectStatus in) {
        return indexKeys(communityPath, startDate, id, in);
    }

    /** The item of a new project (planned, not completed). */
    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.project(id), Keys.PROJECT_SK));
        item.putAll(indexKeys(status));
        item.put("id", s(id));
        item.put("title", s(title));
        Attr.putIfPresent(item, "description", description);
        item.put("category", s(category));
        item.put("communityCode", s(communityCode));
        item.put("communityPath", s(communityPath));
        item.put("ownerUnit", s(ownerUnit));
        Attr.putIfPresent(item, "theme", theme);
        item.put("startDate", s(startDate));
        item.put("endDate", s(endDate));
        item.put("budget", Attr.n(budget));
        item.put("demandIds", Resource.strings(demandIds));
        item.put("resourceIds", Resource.strings(resourceIds));
        item.put("published", AttributeValue.fromBool(published));
        item.put("status", s(status.name()));
        item.put("createdBy", s(createdBy));
        item.put("createdAt", s(createdAt));
        item.put("version", Attr.n(version));
        return item;
    }

    public static AttributeValue participantsValue(List<Participant> participants) {
        return AttributeValue.fromL(participants.stream().map(p -> AttributeValue.fromM(Map.of("login", s(p.login()),
                "hours", AttributeValue.fromN(p.hours().toPlainString())))).toList());
    }

    public static Project fromItem(Map<String, AttributeValue> item) {
        AttributeValue people = item.get("participants");
        List<Participant> participants = people == null || !people.hasL() ? List.of() : people.l().stream()
                .map(p -> new Participant(p.m().get("login").s(), new BigDecimal(p.m().get("hours").n()))).toList();
        Demand.Feedback evaluation = item.containsKey("rating") ? new Demand.Feedback((int) Attr.num(item, "rating"),
                Attr.str(item, "comment"), Attr.str(item, "evaluatedBy"), Attr.str(item, "evaluatedAt")) : null;
        return new Project(Attr.str(item, "id"), Attr.str(item, "title"), Attr.str(item, "description"),
                Attr.str(item, "category"), Attr.str(item, "communityCode"), Attr.str(item, "communityPath"),
                Attr.str(item, "ownerUnit"), Attr.str(item, "theme"), Attr.str(item, "startDate"),
                Attr.str(item, "endDate"), Attr.num(item, "budget"), Demand.list(item, "demandIds"),
                Demand.list(item, "resourceIds"), Boolean.TRUE.equals(item.get("published").bool()),
                ProjectStatus.valueOf(Attr.str(item, "status")), participants,
                Demand.list(item, "beneficiaryHouseholdIds"), Demand.list(item, "outcomePhotoKeys"),
                Attr.str(item, "summary"), Attr.str(item, "completedAt"), evaluation, Attr.str(item, "createdBy"),
                Attr.str(item, "createdAt"), Attr.num(item, "version"));
    }
}
