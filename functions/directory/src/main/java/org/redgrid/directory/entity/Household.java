package org.redgrid.directory.entity;

import static org.redgrid.kernel.dynamo.Attr.*;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A household (户) registered at a grid or building; its members are people carrying its id. */
public record Household(String id, String nodeCode, String nodePath, String address, String label, long version,
        String createdAt, String updatedAt) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SingleTable.PK, s(Keys.household(id)));
        item.put(SingleTable.SK, s(Keys.HOUSEHOLD_SK));
        item.put(SingleTable.GSI2PK, s(Keys.households(nodePath)));
        item.put(SingleTable.GSI2SK, s(Keys.underPath(nodePath, id)));
        item.put("id", s(id));
        item.put("nodeCode", s(nodeCode));
        item.put("nodePath", s(nodePath));
        item.put("address", s(address));
        putIfPresent(item, "label", label);
        SingleTable.stamp(item, version, createdAt, updatedAt);
        return item;
    }

    public static Household fromItem(Map<String, AttributeValue> item) {
        return new Household(str(item, "id"), str(item, "nodeCode"), str(item, "nodePath"), str(item, "address"),
                str(item, "label"), num(item, "version"), str(item, "createdAt"), str(item, "updatedAt"));
    }
}
