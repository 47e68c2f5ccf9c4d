package org.redgrid.lists.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A resource (资源): a partner unit's offer, a party member offering their skills and time, or a volunteer team;
 * based at a node, covering grids, communities or streets, serving categories with skills, taking up to
 * {@code capacity} demands a month.
 *
 * @param covers         codes of the areas it serves (服务范围)
 * @param coverPaths     their grid paths, in the same order
 * @param hoursPerMonth  hours a month it offers (每月可服务时长), shown only: capacity counts demands
 * @param takenThisMonth demands it took this month (filled in on reads of one resource)
 */
@RegisterForReflection
public record Resource(String id, ResourceKind kind, String name, String description, String nodeCode, String nodePath,
        List<String> covers, List<String> coverPaths, List<String> categories, List<String> skills, int capacity,
        Integer hoursPerMonth, String availableFrom, String availableTo, ResourceStatus status, String owner, String createdAt,
        long takenThisMonth, long version) {

    public Resource withTaken(long taken) {
        return new Resource(id, kind, name, description, nodeCode, nodePath, covers, coverPaths, categories, skills,
                capacity, hoursPerMonth, availableFrom, availableTo, status, owner, createdAt, taken, version);
    }

    public static Map<String, AttributeValue> indexKeys(String nodePath, String id, ResourceStatus status) {
        return Map.of(SingleTable.GSI2PK, s(Keys.resources(status, Keys.root(nodePath))), SingleTable.GSI2SK, s(nodePath + id));
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.resource(id), Keys.RESOURCE_SK));
        item.putAll(indexKeys(nodePath, id, status));
        item.put(SingleTable.GSI1PK, s(Keys.resourcesOf(owner)));
        item.put(SingleTable.GSI1SK, s(createdAt + "#" + id));
        item.put("id", s(id));
        item.put("kind", s(kind.name()));
        item.put("name", s(name));
        Attr.putIfPresent(item, "description", description);
        item.put("nodeCode", s(nodeCode));
        item.put("nodePath", s(nodePath));
        item.put("covers", strings(covers));
        item.put("coverPaths", strings(coverPaths));
        item.put("categories", strings(categories));
        if (!skills.isEmpty()) {
            item.put("skills", strings(skills));
        }
        item.put("capacity", Attr.n(capacity));
        if (hoursPerMonth != null) {
            item.put("hoursPerMonth", Attr.n(hoursPerMonth));
        }
        Attr.putIfPresent(item, "availableFrom", availableFrom);
        Attr.putIfPresent(item, "availableTo", availableTo);
        item.put("status", s(status.name()));
        item.put("owner", s(owner));
        item.put("createdAt", s(createdAt));
        item.put("version", Attr.n(version));
        return item;
    }

    public static Resource fromItem(Map<String, AttributeValue> item) {
        return new Resource(Attr.str(item, "id"), ResourceKind.valueOf(Attr.str(item, "kind")), Attr.str(item, "name"),
                Attr.str(item, "description"), Attr.str(item, "nodeCode"), Attr.str(item, "nodePath"),
                Demand.list(item, "covers"), Demand.list(item, "coverPaths"), Demand.list(item, "categories"),
                Demand.list(item, "skills"), (int) Attr.num(item, "capacity"),
                item.containsKey("hoursPerMonth") ? (int) Attr.num(item, "hoursPerMonth") : null, Attr.str(item, "availableFrom"),
                Attr.str(item, "availableTo"), ResourceStatus.valueOf(Attr.str(item, "status")), Attr.str(item, "owner"),
                Attr.str(item, "createdAt"), 0, Attr.num(item, "version"));
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Attr::s).toList());
    }
}
