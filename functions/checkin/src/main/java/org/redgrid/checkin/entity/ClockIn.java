package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One clock-in or clock-out (打卡) of a sinking cadre or grid worker at their grid, or a refused attempt from outside
 * it (kept for the attendance sheet's anomalies): server time and the location the phone reported.
 *
 * @param day     local date of the duty day, "2026-11-25"
 * @param kind    IN or OUT; OUTSIDE for a refused attempt
 * @param metres  distance to the grid's boundary (0 inside)
 */
@RegisterForReflection
public record ClockIn(String memberId, String gridCode, String day, String kind, String at, double lon, double lat,
        long metres) {

    public static final String OUTSIDE = "OUTSIDE";

    /** One clock-in per member, grid, day and kind: the sort key is the window. */
    public Map<String, AttributeValue> toItem() {
        String sk = OUTSIDE.equals(kind) ? day + "#" + OUTSIDE + "#" + at : day + "#" + kind;
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.attendance(gridCode, memberId), sk));
        item.put(SingleTable.GSI2PK, s(Keys.gridMonth(gridCode, day.substring(0, 7))));
        item.put(SingleTable.GSI2SK, s(memberId + "#" + sk));
        item.put("memberId", s(memberId));
        item.put("gridCode", s(gridCode));
        item.put("day", s(day));
        item.put("kind", s(kind));
        item.put("at", s(at));
        item.put("lon", AttributeValue.fromN(Double.toString(lon)));
        item.put("lat", AttributeValue.fromN(Double.toString(lat)));
        item.put("metres", Attr.n(metres));
        return item;
    }

    public static ClockIn fromItem(Map<String, AttributeValue> item) {
        return new ClockIn(Attr.str(item, "memberId"), Attr.str(item, "gridCode"), Attr.str(item, "day"),
                Attr.str(item, "kind"), Attr.str(item, "at"), Double.parseDouble(item.get("lon").n()),
                Double.parseDouble(item.get("lat").n()), Attr.num(item, "metres"));
    }

    /** The id a repeated request is answered from: the window's sort key. */
    public String id() {
        return day + "#" + kind;
    }
}
