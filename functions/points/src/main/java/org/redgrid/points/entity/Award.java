package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A manual award (人工奖励) by grid staff, with its reason: the audit record of who awarded what, why, and who
 * approved it. Posted at once up to the community's threshold; above it, PENDING until a second person approves.
 */
public record Award(String id, String householdId, String communityCode, long points, String reason, String ruleId,
        String awardedBy, String awardedAt, String status, String approvedBy, String entryId) {

    public static final String PENDING = "PENDING";
    public static final String POSTED = "POSTED";

    public Award posted(String approver, String entry) {
        return new Award(id, householdId, communityCode, points, reason, ruleId, awardedBy, awardedAt, POSTED, approver, entry);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.award(id), Keys.AWARD_SK));
        item.put("householdId", Attr.s(householdId));
        item.put("communityCode", Attr.s(communityCode));
        item.put("points", Attr.n(points));
        item.put("reason", Attr.s(reason));
        Attr.putIfPresent(item, "ruleId", ruleId);
        item.put("awardedBy", Attr.s(awardedBy));
        item.put("awardedAt", Attr.s(awardedAt));
        item.put("status", Attr.s(status));
        Attr.putIfPresent(item, "approvedBy", approvedBy);
        Attr.putIfPresent(item, "entryId", entryId);
        if (PENDING.equals(status)) {
            item.put(SingleTable.GSI1PK, Attr.s(Keys.pendingAwards(communityCode)));
            item.put(SingleTable.GSI1SK, Attr.s(awardedAt + "#" + id));
        }
        return item;
    }

    public static Award fromItem(Map<String, AttributeValue> item) {
        return new Award(str(item, "pk").substring("AWARD#".length()), str(item, "householdId"), str(item, "communityCode"),
                num(item, "points"), str(item, "reason"), str(item, "ruleId"), str(item, "awardedBy"), str(item, "awardedAt"), str(item, "status"),
                str(item, "approvedBy"), str(item, "entryId"));
    }
}
