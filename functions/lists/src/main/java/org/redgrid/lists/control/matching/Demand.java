package org.redgrid.lists.control.matching;

import java.util.Set;

/**
 * 需求: an open demand of a batch, as the matcher sees it.
 *
 * @param category category code from the shared taxonomy (类别)
 * @param skills skills needed (所需技能), possibly none
 * @param grid the grid it is in, down to the grid code
 * @param centre the grid's centre, or null when unknown
 * @param window when it should be served, or null when any time suits
 * @param urgency 紧急程度, 1 (can wait) to 5 (most urgent)
 */
public record Demand(String id, String category, Set<String> skills, GridPath grid, GeoPoint centre,
        TimeWindow window, int urgency) {

    public static final int MIN_URGENCY = 1;
    public static final int MAX_URGENCY = 5;

    public Demand {
        InvalidBatchException.require(id != null && !id.isBlank(), "MATCH_BAD_DEMAND", "需求缺少编号");
        InvalidBatchException.require(category != null && !category.isBlank(), "MATCH_BAD_DEMAND",
                "需求 " + id + " 缺少类别");
        InvalidBatchException.require(grid != null && grid.grid() != null, "MATCH_BAD_DEMAND",
                "需求 " + id + " 须定位到网格");
        InvalidBatchException.require(urgency >= MIN_URGENCY && urgency <= MAX_URGENCY, "MATCH_BAD_URGENCY",
                "需求 " + id + " 的紧急程度须在 1 到 5 之间");
        skills = skills == null ? Set.of() : Set.copyOf(skills);
    }
}
