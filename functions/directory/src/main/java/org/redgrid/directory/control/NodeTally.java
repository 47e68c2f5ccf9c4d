package org.redgrid.directory.control;

import static org.redgrid.kernel.dynamo.Attr.n;
import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.redgrid.directory.entity.Keys;
import org.redgrid.directory.entity.Totals;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The counter changes one write makes on grid nodes (节点计数): references, active children, households, and the
 * subtree totals of every node on a path. A transaction may touch an item only once, so the changes are merged
 * into one update per node before they join the transaction.
 */
final class NodeTally {

    private static final class Change {
        long refs;
        long activeChildren;
        long households;
        Totals totals = Totals.ZERO;
        Supplier<ProblemException> unlessActive;

        boolean isEmpty() {
            return refs == 0 && activeChildren == 0 && households == 0 && totals.isZero() && unlessActive == null;
        }
    }

    private final Map<String, Change> changes = new LinkedHashMap<>();

    /** Something now refers to the node; refused when the node is gone or retired. */
    NodeTally attach(String code) {
        return active(code, () -> ProblemException.conflict("NODE_NOT_ACTIVE", "网格节点 " + code + " 不存在或已停用")).refs(code, 1);
    }

    /** Something no longer refers to the node. */
    NodeTally detach(String code) {
        return refs(code, -1);
    }

    NodeTally refs(String code, long delta) {
        change(code).refs += delta;
        return this;
    }

    NodeTally activeChildren(String code, long delta) {
        change(code).activeChildren += delta;
        return this;
    }

    NodeTally households(String code, long delta) {
        change(code).households += delta;
        return this;
    }

    /** The change applies only while the node is active; {@code refusal} otherwise. */
    NodeTally active(String code, Supplier<ProblemException> refusal) {
        change(code).unlessActive = refusal;
        return this;
    }

    /** Adds {@code delta} to the subtree totals of every node on {@code path} ("/D01/S01/C01/G01/"). */
    NodeTally totals(String path, Totals delta) {
        Arrays.stream(path.split("/")).filter(c -> !c.isEmpty()).forEach(code -> {
            Change c = change(code);
            c.totals = c.totals.plus(delta);
        });
        return this;
    }

    void addTo(Transaction tx, SingleTable table) {
        changes.forEach((code, c) -> {
            if (c.isEmpty()) {
                return;
            }
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":refs", n(c.refs));
            values.put(":children", n(c.activeChildren));
            values.put(":households", n(c.households));
            String expression = "ADD refs :refs, activeChildren :children, householdCount :households, " + c.totals.addClause(values);
            if (c.unlessActive != null) {
                values.put(":active", s("ACTIVE"));
            }
            table.update(tx, SingleTable.key(Keys.node(code), Keys.NODE_SK), update -> {
                update.updateExpression(expression).expressionAttributeValues(values);
                if (c.unlessActive != null) {
                    update.conditionExpression("attribute_exists(pk) AND #status = :active")
                            .expressionAttributeNames(Map.of("#status", "status"));
                } else {
                    update.conditionExpression("attribute_exists(pk)");
                }
            }, c.unlessActive != null ? c.unlessActive
                    : () -> ProblemException.conflict("NODE_NOT_FOUND", "网格节点 " + code + " 不存在或已变化，请重试"));
        });
    }

    private Change change(String code) {
        return changes.computeIfAbsent(code, k -> new Change());
    }
}
