package org.redgrid.lists.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A demand (需求): a resident's need or 微心愿 submitted on the phone, or one grid staff noted on a home visit; of a
 * category, at a grid, for households, needing skills, with an urgency and a time window; published when created.
 *
 * @param claim    who serves it (认领), once claimed or matched
 * @param feedback the beneficiary's feedback (评价) that closed it
 */
@RegisterForReflection
public record Demand(String id, String title, String description, String category, String gridCode, String gridPath,
        String communityCode, List<String> householdIds, List<String> skills, int urgency, String windowStart,
        String windowEnd, DemandSource source, DemandStatus status, String submittedBy, String publishedAt, Claim claim,
        String doneAt, String doneNote, Feedback feedback, long version) {

    /** 认领: who serves the demand with which resource, and how it came about. */
    @RegisterForReflection
    public record Claim(String claimant, String resourceId, String via, String claimedAt, long minutesToClaim,
            String decidedBy) {
    }

    /** 评价: the beneficiary's rating (1–5) and comment. */
    @RegisterForReflection
    public record Feedback(int rating, String comment, String by, String at) {
    }

    /** How the demand came to be served: claimed by the resource's owner, or a matching proposal staff accepted. */
    public static final String VIA_CLAIM = "CLAIM";
    public static final String VIA_MATCHING = "MATCHING";

    /** The index keys of a demand in {@code status}: its lists move with its status. */
    public static Map<String, AttributeValue> indexKeys(String category, String gridPath, String publishedAt, String id,
            DemandStatus status) {
        String root = Keys.root(gridPath);
        String sort = gridPath + publishedAt + "#" + id;
        return Map.of(SingleTable.GSI1PK, s(Keys.demandsOfCategory(category, status, root)), SingleTable.GSI1SK, s(sort),
                SingleTable.GSI2PK, s(Keys.demands(status, root)), SingleTable.GSI2SK, s(sort));
    }

    public Map<String, AttributeValue> indexKeys(DemandStatus in) {
        return indexKeys(category, gridPath, publishedAt, id, in);
    }

    /** The item of a new demand (unclaimed, no feedback yet). */
    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.demand(id), Keys.DEMAND_SK));
        item.putAll(indexKeys(status));
        item.put("id", s(id));
        item.put("title", s(title));
        Attr.putIfPresent(item, "description", description);
        item.put("category", s(category));
        item.put("gridCode", s(gridCode));
        item.put("gridPath", s(gridPath));
        if (!householdIds.isEmpty()) {
            item.put("householdIds", Resource.strings(householdIds));
        }
        if (!skills.isEmpty()) {
            item.put("skills", Resource.strings(skills));
        }
        item.put("urgency", Attr.n(urgency));
        Attr.putIfPresent(item, "windowStart", windowStart);
        Attr.putIfPresent(item, "windowEnd", windowEnd);
        item.put("source", s(source.name()));
        item.put("status", s(status.name()));
        item.put("submittedBy", s(submittedBy));
        item.put("publishedAt", s(publishedAt));
        item.put("version", Attr.n(version));
        return item;
    }

    public static Demand fromItem(Map<String, AttributeValue> item) {
        String path = Attr.str(item, "gridPath");
        Claim claim = item.containsKey("claimant") ? new Claim(Attr.str(item, "claimant"), Attr.str(item, "resourceId"),
                Attr.str(item, "via"), Attr.str(item, "claimedAt"), Attr.num(item, "minutesToClaim"),
                Attr.str(item, "decidedBy")) : null;
        Feedback feedback = item.containsKey("rating") ? new Feedback((int) Attr.num(item, "rating"),
                Attr.str(item, "comment"), Attr.str(item, "feedbackBy"), Attr.str(item, "feedbackAt")) : null;
        return new Demand(Attr.str(item, "id"), Attr.str(item, "title"), Attr.str(item, "description"),
                Attr.str(item, "category"), Attr.str(item, "gridCode"), path, Keys.codes(path).get(2),
                list(item, "householdIds"), list(item, "skills"), (int) Attr.num(item, "urgency"),
                Attr.str(item, "windowStart"), Attr.str(item, "windowEnd"), DemandSource.valueOf(Attr.str(item, "source")),
                DemandStatus.valueOf(Attr.str(item, "status")), Attr.str(item, "submittedBy"),
                Attr.str(item, "publishedAt"), claim, Attr.str(item, "doneAt"), Attr.str(item, "doneNote"), feedback,
                Attr.num(item, "version"));
    }

    /** A list of strings kept in order (a string set would lose the order people gave). */
    static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }
}
