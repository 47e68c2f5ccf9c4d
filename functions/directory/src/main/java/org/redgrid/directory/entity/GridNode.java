package org.redgrid.directory.entity;

import static org.redgrid.kernel.dynamo.Attr.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A node of the grid tree (网格节点): district, street, community, grid, special grid or building.
 * The code is stable for life: rename and move keep it.
 *
 * @param path           materialized path of codes from the root, "/D01/S01/C01/G01/"
 * @param boundary       GeoJSON Polygon or MultiPolygon text, or null
 * @param totals         what is registered in the whole subtree, kept with every change
 * @param refs           how many things refer to this node (children, people, posts, households, units)
 * @param activeChildren children not retired; a node retires only when this is 0
 */
public record GridNode(String code, String name, NodeLevel level, String parentCode, String path, String category,
        String boundary, long householdCount, Totals totals, long refs, long activeChildren, NodeStatus status, long version,
        String createdAt, String updatedAt) {

    public List<String> pathCodes() {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean active() {
        return status == NodeStatus.ACTIVE;
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SingleTable.PK, s(Keys.node(code)));
        item.put(SingleTable.SK, s(Keys.NODE_SK));
        if (parentCode != null) {
            item.put(SingleTable.GSI1PK, s(Keys.children(parentCode)));
            item.put(SingleTable.GSI1SK, s(code));
        }
        item.put(SingleTable.GSI2PK, s(Keys.nodes(path)));
        item.put(SingleTable.GSI2SK, s(path));
        item.put("code", s(code));
        item.put("name", s(name));
        item.put("level", s(level.name()));
        putIfPresent(item, "parentCode", parentCode);
        item.put("path", s(path));
        putIfPresent(item, "category", category);
        putIfPresent(item, "boundary", boundary);
        item.put("householdCount", n(householdCount));
        totals.toItem(item);
        item.put("refs", n(refs));
        item.put("activeChildren", n(activeChildren));
        item.put("status", s(status.name()));
        SingleTable.stamp(item, version, createdAt, updatedAt);
        return item;
    }

    public static GridNode fromItem(Map<String, AttributeValue> item) {
        return new GridNode(str(item, "code"), str(item, "name"), NodeLevel.valueOf(str(item, "level")),
                str(item, "parentCode"), str(item, "path"), str(item, "category"), str(item, "boundary"),
                num(item, "householdCount"), Totals.fromItem(item), num(item, "refs"), num(item, "activeChildren"),
                NodeStatus.valueOf(str(item, "status")), num(item, "version"), str(item, "createdAt"), str(item, "updatedAt"));
    }
}
