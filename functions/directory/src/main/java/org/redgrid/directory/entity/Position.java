package org.redgrid.directory.entity;

import static org.redgrid.kernel.dynamo.Attr.*;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A post held by a person at a node (岗位), e.g. 网格员 of grid G010101. Stored under the person and indexed by
 * post type and path, with a copy of the holder's name and phone so "grid workers of this community" is one query.
 */
public record Position(String personId, PositionType type, String nodeCode, String nodePath, String holderName,
        String holderPhone, String since) {

    public String summary() {
        return type.name() + "@" + nodeCode;
    }

    public Position withHolder(Person person) {
        return new Position(personId, type, nodeCode, nodePath, person.name(), person.phone(), since);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SingleTable.PK, s(Keys.person(personId)));
        item.put(SingleTable.SK, s(Keys.positionSk(nodeCode, type)));
        item.put(SingleTable.GSI2PK, s(Keys.holders(type, nodePath)));
        item.put(SingleTable.GSI2SK, s(Keys.underPath(nodePath, personId)));
        item.put("personId", s(personId));
        item.put("position", s(type.name()));
        item.put("nodeCode", s(nodeCode));
        item.put("nodePath", s(nodePath));
        item.put("name", s(holderName));
        item.put("phone", s(holderPhone));
        item.put("since", s(since));
        item.put("updatedAt", s(since));
        return item;
    }

    public static Position fromItem(Map<String, AttributeValue> item) {
        return new Position(str(item, "personId"), PositionType.valueOf(str(item, "position")), str(item, "nodeCode"),
                str(item, "nodePath"), str(item, "name"), str(item, "phone"), str(item, "since"));
    }
}
