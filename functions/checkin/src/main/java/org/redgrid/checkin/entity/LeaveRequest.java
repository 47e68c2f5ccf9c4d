package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A leave request (请销假) of a sinking cadre or grid worker at the grid they serve: the days (inclusive), the kind of
 * leave, why, and the decision of a grid leader or community admin; closed early (销假) when the member is back
 * before its end.
 *
 * @param type      PERSONAL 事假, SICK 病假, ANNUAL 年休假, OFFICIAL 公出, OTHER 其他
 * @param returnedOn the day the member came back when the leave was closed early; leave days end the day before
 */
@RegisterForReflection
public record LeaveRequest(String id, String memberId, String gridCode, String gridPath, String from, String to,
        String type, String reason, LeaveStatus status, String decidedBy, String decisionReason, String decidedAt,
        String returnedOn, long version, String createdAt, String updatedAt) {

    /** The days on leave: from the first day to the last, or to the day before the return. */
    public List<String> days() {
        LocalDate last = returnedOn == null ? LocalDate.parse(to) : LocalDate.parse(returnedOn).minusDays(1);
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        return days;
    }

    public LeaveRequest decided(LeaveStatus decision, String by, String why, String at) {
        return new LeaveRequest(id, memberId, gridCode, gridPath, from, to, type, reason, decision, by, why, at, returnedOn,
                version + 1, createdAt, at);
    }

    public LeaveRequest ended(LeaveStatus end, String back, String at) {
        return new LeaveRequest(id, memberId, gridCode, gridPath, from, to, type, reason, end, decidedBy, decisionReason,
                decidedAt, back, version + 1, createdAt, at);
    }

    /** The root of the grid's path: pending leave is partitioned by it, as registrations are. */
    String root() {
        return gridPath.split("/")[1];
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.leave(id), Keys.LEAVE_SK));
        item.put(SingleTable.GSI1PK, s(Keys.memberLeave(memberId)));
        item.put(SingleTable.GSI1SK, s(from + "#" + id));
        if (status == LeaveStatus.PENDING) {
            item.put(SingleTable.GSI2PK, s(Keys.pendingLeave(root())));
            item.put(SingleTable.GSI2SK, s(gridPath + from + "#" + id));
        }
        item.put("id", s(id));
        item.put("memberId", s(memberId));
        item.put("gridCode", s(gridCode));
        item.put("gridPath", s(gridPath));
        item.put("from", s(from));
        item.put("to", s(to));
        item.put("type", s(type));
        item.put("reason", s(reason));
        item.put("status", s(status.name()));
        Attr.putIfPresent(item, "decidedBy", decidedBy);
        Attr.putIfPresent(item, "decisionReason", decisionReason);
        Attr.putIfPresent(item, "decidedAt", decidedAt);
        Attr.putIfPresent(item, "returnedOn", returnedOn);
        SingleTable.stamp(item, version, createdAt, updatedAt);
        return item;
    }

    public static LeaveRequest fromItem(Map<String, AttributeValue> item) {
        return new LeaveRequest(Attr.str(item, "id"), Attr.str(item, "memberId"), Attr.str(item, "gridCode"),
                Attr.str(item, "gridPath"), Attr.str(item, "from"), Attr.str(item, "to"), Attr.str(item, "type"),
                Attr.str(item, "reason"), LeaveStatus.valueOf(Attr.str(item, "status")), Attr.str(item, "decidedBy"),
                Attr.str(item, "decisionReason"), Attr.str(item, "decidedAt"), Attr.str(item, "returnedOn"),
                Attr.num(item, "version"), Attr.str(item, "createdAt"), Attr.str(item, "updatedAt"));
    }
}
