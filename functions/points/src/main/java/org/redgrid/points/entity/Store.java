package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A points supermarket (积分超市), run for one community; takes points in exchange for goods. */
public record Store(String id, String name, String nodeCode, String path, String communityCode, String createdAt) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.store(id), Keys.STORE_SK));
        item.put("name", Attr.s(name));
        item.put("nodeCode", Attr.s(nodeCode));
        item.put("path", Attr.s(path));
        item.put("communityCode", Attr.s(communityCode));
        item.put("createdAt", Attr.s(createdAt));
        item.put(SingleTable.GSI1PK, Attr.s(Keys.stores(communityCode)));
        item.put(SingleTable.GSI1SK, Attr.s(path + id));
        return item;
    }

    public static Store fromItem(Map<String, AttributeValue> item) {
        return new Store(str(item, "pk").substring("STORE#".length()), str(item, "name"), str(item, "nodeCode"),
                str(item, "path"), str(item, "communityCode"), str(item, "createdAt"));
    }
}
