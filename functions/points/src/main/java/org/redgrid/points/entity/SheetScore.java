package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A household's line on an inspection sheet (检查评分): a score per criterion — personal hygiene (个人卫生), indoors
 * (室内), around the house (房前屋后) — and, once the sheet is published, what it earned ({@code points}, 0 when the
 * caps left no room) by which entry.
 */
public record SheetScore(String householdId, String label, long personal, long indoor, long surroundings, String scoredBy,
        String scoredAt, String entryId, Long points) {

    public long total() {
        return personal + indoor + surroundings;
    }

    public Map<String, AttributeValue> toItem(String gridCode, String month) {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.sheet(gridCode, month), Keys.scoreSk(householdId)));
        item.put("householdId", Attr.s(householdId));
        Attr.putIfPresent(item, "label", label);
        item.put("personal", Attr.n(personal));
        item.put("indoor", Attr.n(indoor));
        item.put("surroundings", Attr.n(surroundings));
        item.put("scoredBy", Attr.s(scoredBy));
        item.put("scoredAt", Attr.s(scoredAt));
        return item;
    }

    public static SheetScore fromItem(Map<String, AttributeValue> item) {
        return new SheetScore(str(item, "householdId"), str(item, "label"), num(item, "personal"), num(item, "indoor"),
                num(item, "surroundings"), str(item, "scoredBy"), str(item, "scoredAt"), str(item, "entryId"),
                item.containsKey("points") ? num(item, "points") : null);
    }
}
