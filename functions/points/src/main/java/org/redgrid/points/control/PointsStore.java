package org.redgrid.points.control;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.points.entity.Keys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** PointsTable (积分表) and the grid as the points domain sees it: every node belongs to a community. */
@ApplicationScoped
public class PointsStore {

    @Inject
    DynamoDbClient db;

    @Inject
    GridPort grid;

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
        if ("COMMUNITY".equals(node.level())) {
            return Optional.of(node);
        }
        List<String> above = node.pathCodes();
        for (int i = above.size() - 2; i >= 0; i--) {
            Optional<GridPort.Place> place = grid.where(above.get(i));
            if (place.isPresent() && "COMMUNITY".equals(place.get().level())) {
                return place;
            }
        }
        return Optional.empty();
    }

    public CommunitySettings settings(String communityCode) {
        return table.get(Keys.community(communityCode), Keys.SETTINGS_SK)
                .map(i -> new CommunitySettings(Attr.num(i, "approvalThreshold"), Attr.num(i, "issuingLimit")))
                .orElse(new CommunitySettings(defaultApprovalThreshold, defaultIssuingLimit));
    }
}
