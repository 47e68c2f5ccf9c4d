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
 * entry {@code entryId}; a cancellation within the window reverses it and puts the stock back. It keeps what the
 * receipt (小票) prints — store and good names, the household's balance after — so a receipt can be printed again.
 */
public record Redemption(String id, String storeId, String storeName, String goodId, String goodName, String householdId,
        long quantity, long points, String entryId, long balanceAfter, String status, String redeemedAt, String clerk) {

    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.redemption(id), Keys.REDEMPTION_SK));
        item.put("storeId", Attr.s(storeId));
        item.put("goodId", Attr.s(goodId));
        item.put("storeName", Attr.s(storeName));
        item.put("goodName", Attr.s(goodName));
        item.put("balanceAfter", Attr.n(balanceAfter));
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
        return new Redemption(str(item, "pk").substring("REDEMPTION#".length()), str(item, "storeId"), str(item, "storeName"),
                str(item, "goodId"), str(item, "goodName"), str(item, "householdId"), num(item, "quantity"), num(item, "points"),
                str(item, "entryId"), num(item, "balanceAfter"), str(item, "status"), str(item, "redeemedAt"), str(item, "clerk"));
    }
}
