package org.redgrid.directory.control;

import org.redgrid.kernel.dynamo.SingleTable;
import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.Keys;
import org.redgrid.directory.entity.NodeLevel;
import org.redgrid.directory.entity.NodeStatus;
import org.redgrid.directory.entity.PositionType;
import org.redgrid.directory.entity.Totals;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.Outbox;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The grid tree (网格树): 区 → 街道 → 社区 → 网格/专属网格 → 楼栋. Codes never change; rename and move keep them.
 * A node that anything refers to is retired (停用), not deleted.
 */
@ApplicationScoped
public class GridTree {

    @Inject
    DirectoryStore store;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    private static final Pattern EMPLOYER_CODE = Pattern.compile("E[0-9]{2,8}");

    /** Creates a node; with an idempotency key, a repeat of the request answers with the node it created. */
    public GridNode create(NewNode cmd, Idempotency.Key key) {
        return idempotency.once(store.table(), key, tx -> create(cmd, tx), GridNode::code, store::existingNode);
    }

    private GridNode create(NewNode cmd, Transaction tx) {
        // Employer units (工作单位) are scoped by their code as if it were a node's ("employer-unit@E01" → "/E01/"), so
        // no node may take that shape: its scope would reach the unit's staff.
        if (EMPLOYER_CODE.matcher(cmd.code()).matches()) {
            throw ProblemException.invalidField("code", "EMPLOYER_CODE_SHAPE", "编码 " + cmd.code() + " 是工作单位编码的样式（E 加 2–8 位数字），网格节点不能使用");
        }
        String now = clock.instant().toString();
        Boundaries.Boundary boundary = cmd.boundary() == null || cmd.boundary().isNull() ? null : Boundaries.parse(cmd.boundary());
        String path;
        if (cmd.parentCode() == null) {
            if (!cmd.level().isRoot()) {
                throw ProblemException.invalidField("parentCode", "REQUIRED", "除区级节点外，必须指定上级节点");
            }
            path = "/" + cmd.code() + "/";
            guard.require(DirectoryPermissions.TREE_WRITE, path);
        } else {
            GridNode parent = store.existingNode("parentCode", cmd.parentCode());
            guard.require(DirectoryPermissions.TREE_WRITE, parent.path());
            if (!cmd.level().fitsUnder(parent.level())) {
                throw ProblemException.invalidField("level", "LEVEL_MISMATCH",
                        cmd.level().label() + "不能设在" + parent.level().label() + "之下");
            }
            path = parent.path() + cmd.code() + "/";
            new NodeTally().refs(parent.code(), 1).activeChildren(parent.code(), 1)
                    .active(parent.code(), () -> ProblemException.conflict("PARENT_NOT_ACTIVE", "上级节点 " + parent.code() + " 已停用或已删除"))
                    .addTo(tx, store.table());
        }
        GridNode node = new GridNode(cmd.code(), cmd.name().trim(), cmd.level(), cmd.parentCode(), path, cmd.category(),
                boundary == null ? null : boundary.geoJson(), 0, Totals.ZERO, 0, 0, NodeStatus.ACTIVE, 1, now, now);
        store.table().putNew(tx, node.toItem(), () -> ProblemException.conflict("NODE_CODE_TAKEN", "编码 " + cmd.code() + " 已被使用"));
        putCells(tx, node, boundary, now);
        return node;
    }

    public GridNode get(String code) {
        GridNode node = store.existingNode(code);
        guard.require(DirectoryPermissions.TREE_READ, node.path());
        return node;
    }

    public GridNode update(String code, NodeChanges changes) {
        GridNode node = store.existingNode(code);
        guard.require(DirectoryPermissions.TREE_WRITE, node.path());
        SingleTable.requireVersion(changes.version(), node.version());
        String now = clock.instant().toString();
        Boundaries.Boundary boundary = changes.boundary() == null || changes.boundary().isNull() ? null : Boundaries.parse(changes.boundary());
        GridNode updated = new GridNode(node.code(), changes.name() == null ? node.name() : changes.name().trim(), node.level(),
                node.parentCode(), node.path(), changes.category() == null ? node.category() : changes.category(),
                boundary == null ? node.boundary() : boundary.geoJson(), node.householdCount(), node.totals(), node.refs(),
                node.activeChildren(), node.status(), node.version() + 1, node.createdAt(), now);
        Transaction tx = new Transaction();
        Map<String, String> names = Map.of("#name", "name", "#version", "version");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":name", s(updated.name()));
        values.put(":at", s(now));
        values.put(":old", Attr.n(node.version()));
        values.put(":new", Attr.n(updated.version()));
        String set = "SET #name = :name, updatedAt = :at, #version = :new";
        if (updated.category() != null) {
            set += ", category = :category";
            values.put(":category", s(updated.category()));
        }
        if (boundary != null) {
            set += ", boundary = :boundary";
            values.put(":boundary", s(boundary.geoJson()));
            deleteCells(tx, node);
            putCells(tx, updated, boundary, now);
        }
        String expression = set;
        store.table().update(tx, SingleTable.key(Keys.node(code), Keys.NODE_SK), u -> u.updateExpression(expression)
                .conditionExpression("#version = :old").expressionAttributeNames(names).expressionAttributeValues(values),
                SingleTable::versionConflict);
        store.table().commit(tx);
        return updated;
    }

    /**
     * Moves a node (and its subtree, and everything registered under it) below another parent. Everything
     * moves in one transaction, so a move touching more than DynamoDB's 100 items is refused.
     */
    public GridNode move(String code, String newParentCode) {
        GridNode node = store.existingNode(code);
        guard.require(DirectoryPermissions.TREE_WRITE, node.path());
        GridNode parent = store.existingNode("parentCode", newParentCode);
        guard.require(DirectoryPermissions.TREE_WRITE, parent.path());
        if (newParentCode.equals(node.parentCode())) {
            return node;
        }
        if (node.parentCode() == null || !node.level().fitsUnder(parent.level())) {
            throw ProblemException.invalidField("parentCode", "LEVEL_MISMATCH",
                    node.level().label() + "不能移到" + parent.level().label() + "之下");
        }
        if (parent.path().startsWith(node.path())) {
            throw ProblemException.conflict("MOVE_INTO_OWN_SUBTREE", "不能把节点移到它自己的下级之下");
        }
        String oldPath = node.path();
        String newPath = parent.path() + node.code() + "/";
        List<Map<String, AttributeValue>> affected = new ArrayList<>();
        List<String> partitions = new ArrayList<>(List.of(Keys.nodes(oldPath), Keys.people(oldPath),
                Keys.households(oldPath), Keys.units(oldPath)));
        for (PositionType type : PositionType.values()) {
            partitions.add(Keys.holders(type, oldPath));
        }
        // Besides the moved items: counter updates on the old and new ancestors, and the NodeMoved event.
        int reserved = node.pathCodes().size() + parent.pathCodes().size() + 1;
        for (String partition : partitions) {
            affected.addAll(store.table().allUnderPath(partition, oldPath, Transaction.MAX_ITEMS));
            if (affected.size() + reserved > Transaction.MAX_ITEMS) {
                throw ProblemException.conflict("MOVE_TOO_LARGE",
                        "该节点下登记的记录过多，无法一次移动；请先分批移动其下级节点");
            }
        }
        String now = clock.instant().toString();
        Transaction tx = new Transaction();
        for (Map<String, AttributeValue> item : affected) {
            Map<String, AttributeValue> moved = rewritePaths(item, oldPath, newPath, now);
            if (Keys.node(code).equals(Attr.str(item, SingleTable.PK))) {
                moved.put("parentCode", s(newParentCode));
                moved.put(SingleTable.GSI1PK, s(Keys.children(newParentCode)));
                moved.put("version", Attr.n(node.version() + 1));
            }
            store.table().putUnchanged(tx, moved, item.get("updatedAt"),
                    () -> ProblemException.conflict("CONCURRENT_CHANGE", "移动期间数据被他人修改，请重试"));
        }
        long children = node.active() ? 1 : 0;
        // The subtree's totals leave the old ancestors and join the new ones; shared ancestors net to nothing.
        new NodeTally().refs(node.parentCode(), -1).activeChildren(node.parentCode(), -children)
                .totals(oldPath.substring(0, oldPath.length() - node.code().length() - 1), node.totals().negate())
                .refs(newParentCode, 1).activeChildren(newParentCode, children).totals(parent.path(), node.totals())
                .active(newParentCode, () -> ProblemException.conflict("PARENT_NOT_ACTIVE", "目标上级节点已停用"))
                .addTo(tx, store.table());
        // Other domains that keyed data by the old path re-key it when this event reaches them.
        Outbox.add(store.table(), tx, new DomainEvent(Ids.newId(clock.instant()), DirectoryEvents.NODE_MOVED, now, code,
                guard.caller().username(), Map.of("code", code, "fromParent", node.parentCode(), "toParent", newParentCode,
                        "fromPath", oldPath, "toPath", newPath)));
        store.table().commit(tx);
        return store.existingNode(code);
    }

    public GridNode retire(String code) {
        GridNode node = store.existingNode(code);
        guard.require(DirectoryPermissions.TREE_WRITE, node.path());
        if (!node.active()) {
            return node;
        }
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.node(code), Keys.NODE_SK), u -> u
                .updateExpression("SET #status = :retired, updatedAt = :at ADD #version :one")
                .conditionExpression("#status = :active AND activeChildren = :zero")
                .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                .expressionAttributeValues(SingleTable.values(":retired", "RETIRED", ":active", "ACTIVE", ":zero", 0,
                        ":one", 1, ":at", clock.instant().toString())),
                () -> ProblemException.conflict("NODE_HAS_ACTIVE_CHILDREN", "请先停用其全部下级节点"));
        if (node.parentCode() != null) {
            new NodeTally().activeChildren(node.parentCode(), -1).addTo(tx, store.table());
        }
        store.table().commit(tx);
        return store.existingNode(code);
    }

    /** Deletes a node nothing refers to; a referenced node answers 409 and should be retired instead. */
    public void delete(String code) {
        GridNode node = store.existingNode(code);
        guard.require(DirectoryPermissions.TREE_WRITE, node.path());
        Transaction tx = new Transaction();
        store.table().delete(tx, SingleTable.key(Keys.node(code), Keys.NODE_SK),
                d -> d.conditionExpression("refs = :zero").expressionAttributeValues(SingleTable.values(":zero", 0)),
                () -> ProblemException.conflict("NODE_REFERENCED", "该节点仍被下级节点、人员、住户或共建单位引用，请改为停用"));
        if (node.parentCode() != null) {
            new NodeTally().refs(node.parentCode(), -1).activeChildren(node.parentCode(), node.active() ? -1 : 0).addTo(tx, store.table());
        }
        deleteCells(tx, node);
        store.table().commit(tx);
    }

    public Page<GridNode> children(String code, int limit, String cursor) {
        get(code);
        return store.table().byParent(Keys.children(code), limit, cursor).map(GridNode::fromItem);
    }

    public Page<GridNode> subtree(String code, NodeLevel level, int limit, String cursor) {
        GridNode node = get(code);
        Page<GridNode> page = store.table().underPath(Keys.nodes(node.path()), node.path(), limit, cursor).map(GridNode::fromItem);
        return level == null ? page
                : new Page<>(page.items().stream().filter(n -> n.level() == level).toList(), page.nextCursor());
    }

    /** The node and its ancestors, root first (breadcrumbs). */
    public List<GridNode> pathToRoot(String code) {
        GridNode node = get(code);
        return store.nodes(node.pathCodes());
    }

    /** Active grids and buildings whose boundary covers the point and that the caller may see, deepest first. */
    public List<GridNode> locate(double lon, double lat) {
        guard.requireRole(DirectoryPermissions.TREE_READ);
        List<String> codes = store.table().partition(Keys.cell(Boundaries.cellOf(lon), Boundaries.cellOf(lat))).stream()
                .map(i -> Attr.str(i, "code")).toList();
        return store.nodes(codes).stream()
                .filter(n -> n.active() && n.boundary() != null && guard.may(DirectoryPermissions.TREE_READ, n.path()))
                .filter(n -> Boundaries.contains(n.boundary(), lon, lat))
                .sorted(Comparator.comparingInt((GridNode n) -> n.pathCodes().size()).reversed())
                .toList();
    }

    /** The nodes where the caller holds roles that let them see the tree: where the console starts. */
    public List<GridNode> scope() {
        return store.nodes(guard.roots(DirectoryPermissions.TREE_READ));
    }

    private void putCells(Transaction tx, GridNode node, Boundaries.Boundary boundary, String now) {
        if (boundary == null || !node.level().locatable()) {
            return;
        }
        for (long[] cell : boundary.cells()) {
            store.table().put(tx, Boundaries.cellItem(cell, node.code(), now));
        }
    }

    private void deleteCells(Transaction tx, GridNode node) {
        if (node.boundary() == null || !node.level().locatable()) {
            return;
        }
        for (long[] cell : Boundaries.fromText(node.boundary()).cells()) {
            store.table().delete(tx, SingleTable.key(Keys.cell(cell[0], cell[1]), Keys.node(node.code())), d -> {
            }, () -> ProblemException.conflict("CONCURRENT_CHANGE", "边界索引更新冲突，请重试"));
        }
    }

    /** The item as it reads after its subtree moved from {@code oldPath} to {@code newPath}. */
    private static Map<String, AttributeValue> rewritePaths(Map<String, AttributeValue> item, String oldPath, String newPath,
            String now) {
        Map<String, AttributeValue> moved = new HashMap<>(item);
        for (String attribute : List.of("path", "homePath", "nodePath", SingleTable.GSI2SK)) {
            String value = Attr.str(item, attribute);
            if (value != null && value.startsWith(oldPath)) {
                moved.put(attribute, s(newPath + value.substring(oldPath.length())));
            }
        }
        String partition = Attr.str(item, SingleTable.GSI2PK);
        moved.put(SingleTable.GSI2PK, s(partition.substring(0, partition.lastIndexOf('#') + 1) + Keys.root(newPath)));
        moved.put("updatedAt", s(now));
        return moved;
    }
}
