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

/**
 * A service record (服务纪实): who served, on which day, how long (minutes), what kind of service and what was done,
 * for which households, at which grid; counted only once a grid leader has verified it.
 */
@RegisterForReflection
public record ServiceRecord(String id, String memberId, String gridCode, String gridPath, String day, long minutes,
        String category, String content, List<String> householdIds, boolean verified, String verifiedBy,
        String verifiedAt, String createdAt) {

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
        item.put("verified", AttributeValue.fromBool(verified));
        item.put("createdAt", s(createdAt));
        return item;
    }

    public static ServiceRecord fromItem(Map<String, AttributeValue> item) {
        return new ServiceRecord(Attr.str(item, "id"), Attr.str(item, "memberId"), Attr.str(item, "gridCode"),
                Attr.str(item, "gridPath"), Attr.str(item, "day"), Attr.num(item, "minutes"), Attr.str(item, "category"),
                Attr.str(item, "content"), Attr.strings(item, "householdIds").stream().sorted().toList(),
                Boolean.TRUE.equals(item.get("verified").bool()), Attr.str(item, "verifiedBy"),
                Attr.str(item, "verifiedAt"), Attr.str(item, "createdAt"));
    }
}
