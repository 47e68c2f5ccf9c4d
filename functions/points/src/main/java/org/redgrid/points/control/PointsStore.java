package org.redgrid.points.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.points.entity.Keys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** PointsTable (积分表) and the grid as the points domain sees it: every node belongs to a community. */
@ApplicationScoped
public class PointsStore {

    @Inject
    DynamoDbClient db;

    @Inject
    GridPort grid;

    @Inject
    Guard guard;

    @ConfigProperty(name = "redgrid.tables.points")
    String tableName;

    @ConfigProperty(name = "redgrid.points.default-approval-threshold", defaultValue = "100")
    long defaultApprovalThreshold;

    @ConfigProperty(name = "redgrid.points.default-issuing-limit", defaultValue = "1000000")
    long defaultIssuingLimit;

    private SingleTable table;

    @PostConstruct
    void open() {
        table = new SingleTable(db, tableName);
    }

    public SingleTable table() {
        return table;
    }

    /** A node and the community (社区) it lies in. */
    public record Located(GridPort.Place node, GridPort.Place community) {
    }

    /** The node a body field names, and its community; 400 on that field when there is none or it lies above one. */
    public Located locate(String field, String nodeCode) {
        GridPort.Place node = grid.where(nodeCode)
                .orElseThrow(() -> ProblemException.invalidField(field, "NOT_FOUND", "节点 " + nodeCode + " 不存在"));
        return new Located(node, community(node).orElseThrow(() -> ProblemException.invalidField(field, "NOT_IN_COMMUNITY",
                "积分按社区管理，请选择社区或其下的网格、楼栋")));
    }

    /** The community node {@code code}, or 404. */
    public GridPort.Place existingCommunity(String code) {
        return grid.where(code).filter(p -> "COMMUNITY".equals(p.level()))
                .orElseThrow(() -> ProblemException.notFound("COMMUNITY_NOT_FOUND", "社区 " + code + " 不存在"));
    }

    private Optional<GridPort.Place> community(GridPort.Place node) {
        return ancestor(node, Set.of("COMMUNITY"));
    }

    /** The grid (网格 or 专属网格) a node lies in: itself, or the nearest such node above it. */
    public Optional<GridPort.Place> gridOf(GridPort.Place node) {
        return ancestor(node, Set.of("GRID", "SPECIAL_GRID"));
    }

    private Optional<GridPort.Place> ancestor(GridPort.Place node, Set<String> levels) {
        if (levels.contains(node.level())) {
            return Optional.of(node);
        }
        List<String> above = node.pathCodes();
        for (int i = above.size() - 2; i >= 0; i--) {
            Optional<GridPort.Place> place = grid.where(above.get(i));
            if (place.isPresent() && levels.contains(place.get().level())) {
                return place;
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses (403) unless the caller holds {@code permission} at the community or anywhere beneath it: what a whole
     * community shares (its rules, its settings) is readable by the staff of each of its grids.
     */
    public void requireWithin(String permission, GridPort.Place community) {
        if (guard.may(permission, community.path())) {
            return;
        }
        boolean below = guard.roots(permission).stream().map(grid::where).flatMap(Optional::stream)
                .anyMatch(p -> p.path().startsWith(community.path()));
        if (!below) {
            throw ProblemException.outOfScope();
        }
    }

    /** A grid node a body field names; 400 on that field when there is none. */
    public GridPort.Place grid(String field, String code) {
        return grid.where(code).filter(p -> "GRID".equals(p.level()) || "SPECIAL_GRID".equals(p.level()))
                .orElseThrow(() -> ProblemException.invalidField(field, "GRID_NOT_FOUND", "网格 " + code + " 不存在"));
    }

    /** A grid node a path names, or 404. */
    public GridPort.Place existingGrid(String code) {
        return grid.where(code).filter(p -> "GRID".equals(p.level()) || "SPECIAL_GRID".equals(p.level()))
                .orElseThrow(() -> ProblemException.notFound("GRID_NOT_FOUND", "网格 " + code + " 不存在"));
    }

    /**
     * Up to {@code limit} items of a partition of the base table or an index, whose sort key lies in [from, to]
     * (either may be null) or begins with {@code prefix}; one Query, paged through only as far as needed.
     */
    public List<Map<String, AttributeValue>> query(String index, String partition, String prefix, String from, String to,
            boolean newestFirst, int limit) {
        String pk = index == null ? SingleTable.PK : SingleTable.BY_PARENT.equals(index) ? SingleTable.GSI1PK : SingleTable.GSI2PK;
        String sk = index == null ? SingleTable.SK : SingleTable.BY_PARENT.equals(index) ? SingleTable.GSI1SK : SingleTable.GSI2SK;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(partition)));
        String condition = "#pk = :pk";
        if (prefix != null) {
            condition += " AND begins_with(#sk, :prefix)";
            values.put(":prefix", Attr.s(prefix));
        } else if (from != null && to != null) {
            condition += " AND #sk BETWEEN :from AND :to";
            values.put(":from", Attr.s(from));
            values.put(":to", Attr.s(to));
        }
        Map<String, String> names = condition.contains("#sk") ? Map.of("#pk", pk, "#sk", sk) : Map.of("#pk", pk);
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).keyConditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).scanIndexForward(!newestFirst)
                .limit(Math.min(limit, 1000));
        if (index != null) {
            request.indexName(index);
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (QueryResponse page : db.queryPaginator(request.build())) {
            for (Map<String, AttributeValue> item : page.items()) {
                if (items.size() == limit) {
                    return items;
                }
                items.add(item);
            }
        }
        return items;
    }

    public CommunitySettings settings(String communityCode) {
        return table.get(Keys.community(communityCode), Keys.SETTINGS_SK)
                .map(i -> new CommunitySettings(Attr.num(i, "approvalThreshold"), Attr.num(i, "issuingLimit"),
                        i.containsKey("householdMonthlyCap") ? Attr.num(i, "householdMonthlyCap") : null,
                        i.containsKey("expiryMonths") ? (int) Attr.num(i, "expiryMonths") : null))
                .orElse(new CommunitySettings(defaultApprovalThreshold, defaultIssuingLimit, null, null));
    }
}
