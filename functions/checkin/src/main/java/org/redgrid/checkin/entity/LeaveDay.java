package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One day of approved leave (假期日) on a member's attendance at a grid: written beside the clock-ins when the leave
 * is approved (and removed again from the day back when it is closed early), so the member's month and the grid's
 * month each stay one Query and a day on leave is no missed day.
 */
@RegisterForReflection
public record LeaveDay(String memberId, String gridCode, String day, String leaveId, String type) {

    public static final String KIND = "LEAVE";

    public Map<String, AttributeValue> key() {
        return SingleTable.key(Keys.attendance(gridCode, memberId), day + "#" + KIND);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put(SingleTable.GSI2PK, s(Keys.gridMonth(gridCode, day.substring(0, 7))));
        item.put(SingleTable.GSI2SK, s(memberId + "#" + day + "#" + KIND));
        item.put("memberId", s(memberId));
        item.put("gridCode", s(gridCode));
        item.put("day", s(day));
        item.put("kind", s(KIND));
        item.put("leaveId", s(leaveId));
        item.put("type", s(type));
        return item;
    }

    public static LeaveDay fromItem(Map<String, AttributeValue> item) {
        return new LeaveDay(Attr.str(item, "memberId"), Attr.str(item, "gridCode"), Attr.str(item, "day"),
                Attr.str(item, "leaveId"), Attr.str(item, "type"));
    }

    public static boolean isLeave(Map<String, AttributeValue> item) {
        return KIND.equals(Attr.str(item, "kind"));
    }
}
