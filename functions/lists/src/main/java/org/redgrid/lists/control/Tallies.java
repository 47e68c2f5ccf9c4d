package org.redgrid.lists.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.lists.entity.Keys;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The indicator counters (指标计数) one change adds to, gathered so that each counter item gets a single ADD in the
 * change's transaction (DynamoDB refuses two operations on one item in a transaction, and a demand's path and its
 * resource's path share nodes). Counters live on every node of a path: current ones under {@link Keys#NOW}, a
 * month's under {@link Keys#month}.
 */
final class Tallies {

    private final Map<String, Map<String, Long>> byItem = new LinkedHashMap<>();

    /** Adds {@code delta} to counter {@code name} of every node on {@code path}, in the item {@code sk}. */
    Tallies add(String path, String sk, String name, long delta) {
        for (String code : Keys.codes(path)) {
            byItem.computeIfAbsent(code + "\n" + sk, k -> new LinkedHashMap<>()).merge(name, delta, Long::sum);
        }
        return this;
    }

    /** Adds to a current counter of every node on {@code path}. */
    Tallies now(String path, String name, long delta) {
        return add(path, Keys.NOW, name, delta);
    }

    Tallies month(String path, String month, String name, long delta) {
        return add(path, Keys.month(month), name, delta);
    }

    /** A demand moving from one status to another. */
    Tallies moved(String gridPath, Enum<?> from, Enum<?> to) {
        return now(gridPath, "s_" + from.name(), -1).now(gridPath, "s_" + to.name(), 1);
    }

    void writeTo(SingleTable table, Transaction tx) {
        byItem.forEach((key, counters) -> {
            String[] parts = key.split("\n");
            StringBuilder expression = new StringBuilder("ADD ");
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            int i = 0;
            for (Map.Entry<String, Long> c : counters.entrySet()) {
                expression.append(i == 0 ? "" : ", ").append("#n").append(i).append(" :v").append(i);
                names.put("#n" + i, c.getKey());
                values.put(":v" + i, Attr.n(c.getValue()));
                i++;
            }
            table.update(tx, SingleTable.key(Keys.tally(parts[0]), parts[1]), u -> u.updateExpression(expression.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(values),
                    () -> ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试"));
        });
    }

    /** Claim-time histogram buckets (分钟上限), the last one open-ended: the median is read from them, no Scan. */
    static final List<Long> CLAIM_BUCKETS = List.of(15L, 30L, 60L, 120L, 240L, 480L, 1440L, 2880L, 4320L, 10080L, 20160L,
            43200L);

    static String bucket(long minutes) {
        return CLAIM_BUCKETS.stream().filter(b -> minutes <= b).findFirst().map(b -> "h_" + b).orElse("h_more");
    }
}
