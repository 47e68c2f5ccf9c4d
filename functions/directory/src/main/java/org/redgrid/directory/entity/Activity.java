package org.redgrid.directory.entity;

import static org.redgrid.kernel.dynamo.Attr.putIfPresent;
import static org.redgrid.kernel.dynamo.Attr.s;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A line of a node's activity feed (网格动态): someone moved in or out, the node moved in the tree. Written by the
 * directory's event consumer from the directory's own domain events, newest first per node.
 */
public record Activity(String nodeCode, String at, String eventId, String type, String summary, String personId,
        String fromNode, String toNode) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.activity(nodeCode), at + "#" + eventId));
        item.put("nodeCode", s(nodeCode));
        item.put("at", s(at));
        item.put("eventId", s(eventId));
        item.put("type", s(type));
        item.put("summary", s(summary));
        putIfPresent(item, "personId", personId);
        putIfPresent(item, "fromNode", fromNode);
        putIfPresent(item, "toNode", toNode);
        return item;
    }

    public static Activity fromItem(Map<String, AttributeValue> item) {
        return new Activity(str(item, "nodeCode"), str(item, "at"), str(item, "eventId"), str(item, "type"), str(item, "summary"),
                str(item, "personId"), str(item, "fromNode"), str(item, "toNode"));
    }
}
