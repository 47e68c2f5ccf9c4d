package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A redemption at the counter (兑换记录): a household took {@code quantity} of a good for {@code points}, posted as
 * entry {@code entryId}; a cancellation within the window reverses it and puts the stock back.
 */
public record Redemption(String id, String storeId, String goodId, String householdId, long quantity, long points,
        String entryId, String status, String redeemedAt, String clerk) {

    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.redemption(id), Keys.REDEMPTION_SK));
        item.put("storeId", Attr.s(storeId));
        item.put("goodId", Attr.s(goodId));
        item.put("householdId", Attr.s(householdId));
        item.put("quantity", Attr.n(quantity));
        item.put("points", Attr.n(points));
        item.put("entryId", Attr.s(entryId));
        item.put("status", Attr.s(status));
        item.put("redeemedAt", Attr.s(redeemedAt));
        item.put("clerk", Attr.s(clerk));
        return item;
    }

    public static Redemption fromItem(Map<String, AttributeValue> item) {
        return new Redemption(str(item, "pk").substring("REDEMPTION#".length()), str(item, "storeId"), str(item, "goodId"),
                str(item, "householdId"), num(item, "quantity"), num(item, "points"), str(item, "entryId"),
                str(item, "status"), str(item, "redeemedAt"), str(item, "clerk"));
    }
}
