package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A good on a store's shelf (商品): its points price and the stock left, decremented only under a condition. */
public record Good(String storeId, String id, String name, long price, long stock) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.store(storeId), Keys.goodSk(id)));
        item.put("name", Attr.s(name));
        item.put("price", Attr.n(price));
        item.put("stock", Attr.n(stock));
        return item;
    }

    public static Good fromItem(Map<String, AttributeValue> item) {
        return new Good(str(item, "pk").substring("STORE#".length()), str(item, "sk").substring("GOOD#".length()),
                str(item, "name"), num(item, "price"), num(item, "stock"));
    }
}
