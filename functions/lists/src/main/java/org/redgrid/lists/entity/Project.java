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
        List<String> demandIds, List<String> resourceIds, boolean published, List<Pick> picks, ProjectStatus status,
        List<Participant> participants, List<String> beneficiaryHouseholdIds, List<String> outcomePhotoKeys,
        String summary, String completedAt, Demand.Feedback evaluation, Cancellation cancellation, String createdBy,
        String createdAt, long version) {

    /** 取消: why a planned project was called off, by whom, when. */
    @RegisterForReflection
    @Schema(name = "ProjectCancellation")
    public record Cancellation(String reason, String by, String at) {

        public AttributeValue value() {
            return AttributeValue.fromM(Map.of("reason", s(reason), "by", s(by), "at", s(at)));
        }
    }

    /** 参与人: a login and the hours they served. */
    @RegisterForReflection
    @Schema(name = "ProjectParticipant")
    public record Participant(String login, BigDecimal hours) {
    }

    /** 认领: a partner unit's resource added to the project by its owner (who also finds the project under "mine"). */
    @RegisterForReflection
    @Schema(name = "ProjectPick")
    public record Pick(String resourceId, String resourceName, String login, String pickedAt) {

        AttributeValue value() {
            return AttributeValue.fromM(Map.of("resourceId", s(resourceId), "resourceName", s(resourceName), "login", s(login),
                    "pickedAt", s(pickedAt)));
        }

        static Pick of(AttributeValue v) {
            Map<String, AttributeValue> m = v.m();
            return new Pick(m.get("resourceId").s(), m.get("resourceName").s(), m.get("login").s(), m.get("pickedAt").s());
        }

        /** The pointer item that lists the pick under its unit ({@code PICKS#<login>}, oldest first). */
        public Map<String, AttributeValue> pointer(String projectId) {
            Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.project(projectId), Keys.pick(resourceId)));
            item.put(SingleTable.GSI1PK, s(Keys.picksOf(login)));
            item.put(SingleTable.GSI1SK, s(pickedAt + "#" + projectId));
            item.put("projectId", s(projectId));
            return item;
        }
    }

    public static Map<String, AttributeValue> indexKeys(String communityPath, String startDate, String id,
            ProjectStatus status) {
        return Map.of(SingleTable.GSI2PK, s(Keys.projects(status, Keys.root(communityPath))),
                SingleTable.GSI2SK, s(communityPath + startDate + "#" + id));
    }

    /** Open for picking: on the ByParent list of published planned projects (removed when it starts). */
    public boolean open() {
        return published && status == ProjectStatus.PLANNED;
    }

    public static AttributeValue picksValue(List<Pick> picks) {
        return AttributeValue.fromL(picks.stream().map(Pick::value).toList());
    }

    public Map<String, AttributeValue> indexKeys(ProjectStatus in) {
        return indexKeys(communityPath, startDate, id, in);
    }

    /** The item of a planned project (new or edited; not completed). */
    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.project(id), Keys.PROJECT_SK));
        item.putAll(indexKeys(status));
        if (open()) {
            item.put(SingleTable.GSI1PK, s(Keys.publishedProjects(Keys.root(communityPath))));
            item.put(SingleTable.GSI1SK, s(communityPath + startDate + "#" + id));
        }
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
        item.put("picks", picksValue(picks));
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
        AttributeValue picked = item.get("picks");
        List<Pick> picks = picked == null || !picked.hasL() ? List.of() : picked.l().stream().map(Pick::of).toList();
        Demand.Feedback evaluation = item.containsKey("rating") ? new Demand.Feedback((int) Attr.num(item, "rating"),
                Attr.str(item, "comment"), Attr.str(item, "evaluatedBy"), Attr.str(item, "evaluatedAt")) : null;
        AttributeValue cancelled = item.get("cancellation");
        Cancellation cancellation = cancelled == null || !cancelled.hasM() ? null : new Cancellation(cancelled.m().get("reason").s(),
                cancelled.m().get("by").s(), cancelled.m().get("at").s());
        return new Project(Attr.str(item, "id"), Attr.str(item, "title"), Attr.str(item, "description"),
                Attr.str(item, "category"), Attr.str(item, "communityCode"), Attr.str(item, "communityPath"),
                Attr.str(item, "ownerUnit"), Attr.str(item, "theme"), Attr.str(item, "startDate"),
                Attr.str(item, "endDate"), Attr.num(item, "budget"), Demand.list(item, "demandIds"),
                Demand.list(item, "resourceIds"), Boolean.TRUE.equals(item.get("published").bool()), picks,
                ProjectStatus.valueOf(Attr.str(item, "status")), participants,
                Demand.list(item, "beneficiaryHouseholdIds"), Demand.list(item, "outcomePhotoKeys"),
                Attr.str(item, "summary"), Attr.str(item, "completedAt"), evaluation, cancellation, Attr.str(item, "createdBy"),
                Attr.str(item, "createdAt"), Attr.num(item, "version"));
    }
}
