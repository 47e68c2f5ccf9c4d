package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A service record (服务纪实): who served, on which day, how long (minutes), what kind of service and what was done,
 * for which households, at which grid, with photos and the demand or project it answered when there is one; counted
 * only once verified — by a grid leader, or by a beneficiary household's resident confirming it on the phone.
 *
 * @param demandId    the resident demand (需求) it answered, or null
 * @param projectId   the project (项目) it was part of, or null
 * @param photos      keys of its photos in the photo bucket
 * @param verifiedVia LEADER or BENEFICIARY: whichever verified it first
 */
@RegisterForReflection
public record ServiceRecord(String id, String memberId, String gridCode, String gridPath, String day, long minutes,
        String category, String content, List<String> householdIds, String demandId, String projectId,
        List<String> photos, boolean verified, String verifiedBy, String verifiedAt, String verifiedVia,
        Confirmation confirmation, String createdAt) {

    public static final String BY_LEADER = "LEADER";
    public static final String BY_BENEFICIARY = "BENEFICIARY";

    /**
     * A beneficiary's confirmation (受益群众确认) with an optional rating of 1 to 5 and a comment.
     *
     * @param login the resident who confirmed
     */
    @RegisterForReflection
    @Schema(name = "ServiceConfirmation")
    public record Confirmation(String login, String householdId, Integer rating, String comment, String at) {
    }

    /** Minutes as hours, "1.5" (two decimals at most), as the event and the publication give them. */
    public static String hours(long minutes) {
        return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** "2026Q4": the grid ledger is published per quarter. */
    public static String quarterOf(String day) {
        LocalDate d = LocalDate.parse(day);
        return d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.service(id), Keys.SERVICE_SK));
        item.put(SingleTable.GSI1PK, s(Keys.memberServices(memberId)));
        item.put(SingleTable.GSI1SK, s(day + "#" + id));
        item.put(SingleTable.GSI2PK, s(Keys.ledger(gridCode, quarterOf(day))));
        item.put(SingleTable.GSI2SK, s(day + "#" + id));
        item.put("id", s(id));
        item.put("memberId", s(memberId));
        item.put("gridCode", s(gridCode));
        item.put("gridPath", s(gridPath));
        item.put("day", s(day));
        item.put("minutes", Attr.n(minutes));
        item.put("category", s(category));
        item.put("content", s(content));
        if (!householdIds.isEmpty()) {
            item.put("householdIds", Attr.ss(householdIds));
        }
        Attr.putIfPresent(item, "demandId", demandId);
        Attr.putIfPresent(item, "projectId", projectId);
        if (!photos.isEmpty()) {
            item.put("photos", AttributeValue.fromL(photos.stream().map(Attr::s).toList()));
        }
        item.put("verified", AttributeValue.fromBool(verified));
        item.put("createdAt", s(createdAt));
        return item;
    }

    /** The item that lists this record under one beneficiary household (受益户), for that household's residents. */
    public Map<String, AttributeValue> beneficiaryItem(String householdId) {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.beneficiary(householdId), day + "#" + id));
        item.put("recordId", s(id));
        return item;
    }

    public static ServiceRecord fromItem(Map<String, AttributeValue> item) {
        AttributeValue photos = item.get("photos");
        Confirmation confirmation = item.containsKey("confirmedAt")
                ? new Confirmation(Attr.str(item, "confirmedBy"), Attr.str(item, "confirmedHousehold"),
                        item.containsKey("rating") ? (int) Attr.num(item, "rating") : null, Attr.str(item, "ratingComment"),
                        Attr.str(item, "confirmedAt"))
                : null;
        return new ServiceRecord(Attr.str(item, "id"), Attr.str(item, "memberId"), Attr.str(item, "gridCode"),
                Attr.str(item, "gridPath"), Attr.str(item, "day"), Attr.num(item, "minutes"), Attr.str(item, "category"),
                Attr.str(item, "content"), Attr.strings(item, "householdIds").stream().sorted().toList(),
                Attr.str(item, "demandId"), Attr.str(item, "projectId"),
                photos == null || !photos.hasL() ? List.of() : photos.l().stream().map(AttributeValue::s).toList(),
                Boolean.TRUE.equals(item.get("verified").bool()), Attr.str(item, "verifiedBy"),
                Attr.str(item, "verifiedAt"), Attr.str(item, "verifiedVia"), confirmation, Attr.str(item, "createdAt"));
    }
}
