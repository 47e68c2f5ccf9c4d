package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A grid's monthly inspection sheet (月度卫生检查表): opened by grid staff, scored household by household while
 * {@code OPEN}, then published — the households whose total reaches {@code threshold} are that month's 清洁户 and
 * earn the community's inspection rule's points — and read-only from then on. {@code PUBLISHING} is the short
 * state while the points post (a retry of the publication carries on from there).
 */
public record InspectionSheet(String gridCode, String gridName, String month, String communityCode, String path, String status,
        long threshold, long maxScore, String openedBy, String openedAt, String publishedBy, String publishedAt, long version) {

    public static final String OPEN = "OPEN";
    public static final String PUBLISHING = "PUBLISHING";
    public static final String PUBLISHED = "PUBLISHED";

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.sheet(gridCode, month), Keys.SHEET_SK));
        item.put("gridCode", Attr.s(gridCode));
        item.put("gridName", Attr.s(gridName));
        item.put("month", Attr.s(month));
        item.put("communityCode", Attr.s(communityCode));
        item.put("path", Attr.s(path));
        item.put("status", Attr.s(status));
        item.put("threshold", Attr.n(threshold));
        item.put("maxScore", Attr.n(maxScore));
        item.put("openedBy", Attr.s(openedBy));
        item.put("openedAt", Attr.s(openedAt));
        Attr.putIfPresent(item, "publishedBy", publishedBy);
        Attr.putIfPresent(item, "publishedAt", publishedAt);
        item.put("version", Attr.n(version));
        item.put(SingleTable.GSI1PK, Attr.s(Keys.sheets(communityCode)));
        item.put(SingleTable.GSI1SK, Attr.s(month + "#" + gridCode));
        return item;
    }

    public static InspectionSheet fromItem(Map<String, AttributeValue> item) {
        return new InspectionSheet(str(item, "gridCode"), str(item, "gridName"), str(item, "month"), str(item, "communityCode"),
                str(item, "path"), str(item, "status"), num(item, "threshold"), num(item, "maxScore"), str(item, "openedBy"),
                str(item, "openedAt"), str(item, "publishedBy"), str(item, "publishedAt"), num(item, "version"));
    }
}
