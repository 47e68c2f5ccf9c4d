package org.redgrid.lists.control.matching;

import java.util.List;
import java.util.Set;

/**
 * 资源: an available resource of a batch (a partner unit's offer, a member, a volunteer team), as the matcher sees it.
 *
 * @param categories category codes it serves (服务类别)
 * @param skills skills it brings (技能)
 * @param covers areas it serves: grids, whole communities or whole streets (服务范围)
 * @param centre where it is based, or null when unknown
 * @param availability when it is available, or null when any time
 * @param capacity how many demands of this batch it can take (可承接数), at least 1
 */
public record Resource(String id, Set<String> categories, Set<String> skills, List<GridPath> covers, GeoPoint centre,
        TimeWindow availability, int capacity) {

    public Resource {
        InvalidBatchException.require(id != null && !id.isBlank(), "MATCH_BAD_RESOURCE", "资源缺少编号");
        InvalidBatchException.require(capacity >= 1, "MATCH_BAD_CAPACITY", "资源 " + id + " 的可承接数须至少为 1");
        InvalidBatchException.require(covers != null && !covers.isEmpty(), "MATCH_BAD_RESOURCE",
                "资源 " + id + " 缺少服务范围");
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        covers = List.copyOf(covers);
    }
}
