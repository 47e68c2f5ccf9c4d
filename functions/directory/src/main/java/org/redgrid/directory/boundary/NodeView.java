package org.redgrid.directory.boundary;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

import org.redgrid.directory.control.Boundaries;
import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.NodeLevel;
import org.redgrid.directory.entity.NodeStatus;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A grid node as the API shows it; {@code path} lists the codes from the root down to this node,
 * {@code householdCount} the households registered at this node itself, {@code totals} what its whole subtree holds.
 */
@RegisterForReflection
public record NodeView(String code, String name, NodeLevel level, String levelName, String parentCode, List<String> path,
        String category, NodeStatus status, long householdCount, Totals totals, JsonNode boundary, long version,
        String createdAt, String updatedAt) {

    /** 辖区统计: people living in the subtree, of them party members, households and partner units. */
    @RegisterForReflection
    @Schema(name = "NodeTotals")
    public record Totals(long people, long partyMembers, long households, long units) {
    }

    static NodeView of(GridNode n) {
        org.redgrid.directory.entity.Totals t = n.totals();
        return new NodeView(n.code(), n.name(), n.level(), n.level().label(), n.parentCode(), n.pathCodes(), n.category(),
                n.status(), n.householdCount(), new Totals(t.people(), t.partyMembers(), t.households(), t.units()),
                Boundaries.tree(n.boundary()), n.version(), n.createdAt(), n.updatedAt());
    }

    static List<NodeView> of(List<GridNode> nodes) {
        return nodes.stream().map(NodeView::of).toList();
    }
}
