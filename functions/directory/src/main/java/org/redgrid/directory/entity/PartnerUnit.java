package org.redgrid.directory.entity;

import static org.redgrid.kernel.dynamo.Attr.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A partner unit (共建单位): an office, company, school or hospital that pairs with a street or community and
 * offers resources. Its contacts' phones are personal information like any resident's.
 */
public record PartnerUnit(String id, String name, String kind, String nodeCode, String nodePath, String address,
        List<Contact> contacts, long version, String createdAt, String updatedAt) {

    /** A contact person of a partner unit (联系人). */
    public record Contact(String name, String title, String phone) {
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SingleTable.PK, s(Keys.unit(id)));
        item.put(SingleTable.SK, s(Keys.UNIT_SK));
        item.put(SingleTable.GSI2PK, s(Keys.units(nodePath)));
        item.put(SingleTable.GSI2SK, s(Keys.underPath(nodePath, id)));
        item.put("id", s(id));
        item.put("name", s(name));
        item.put("kind", s(kind));
        item.put("nodeCode", s(nodeCode));
        item.put("nodePath", s(nodePath));
        putIfPresent(item, "address", address);
        item.put("contacts", AttributeValue.fromL(contacts.stream().map(c -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("name", s(c.name()));
            putIfPresent(m, "title", c.title());
            m.put("phone", s(c.phone()));
            return AttributeValue.fromM(m);
        }).toList()));
        SingleTable.stamp(item, version, createdAt, updatedAt);
        return item;
    }

    public static PartnerUnit fromItem(Map<String, AttributeValue> item) {
        AttributeValue list = item.get("contacts");
        List<Contact> contacts = list == null || !list.hasL() ? List.of()
                : list.l().stream().map(v -> new Contact(str(v.m(), "name"), str(v.m(), "title"), str(v.m(), "phone"))).toList();
        return new PartnerUnit(str(item, "id"), str(item, "name"), str(item, "kind"), str(item, "nodeCode"),
                str(item, "nodePath"), str(item, "address"), contacts, num(item, "version"), str(item, "createdAt"),
                str(item, "updatedAt"));
    }
}
