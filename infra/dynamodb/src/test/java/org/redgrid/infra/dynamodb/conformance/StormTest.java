package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.n;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Transactions under contention: many callers at once against the same items. Each outcome must be one a serial
 * execution could give. AWS may cancel a transaction that collides with another one in flight (reason
 * TransactionConflict); callers retry those, as the functions do, so the same test holds on AWS and on the engine.
 */
class StormTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static final int STOCK = 10;
    private static final int BUYERS = 50;
    private static final int MOVERS = 4;
    private static final int MAX_ATTEMPTS = 200;
    private static final AtomicInteger CONFLICTS = new AtomicInteger();
    private static String table;

    private enum Outcome { BOUGHT, SOLD_OUT }

    @BeforeAll
    static void createTable() {
        table = tables.create("storm");
    }

    @AfterAll
    static void theEngineNeverReportsAConflict() {
        // Engine difference, pinned: it queues colliding requests instead of cancelling them (AWS: TransactionConflict).
        if (tables.target().isLocalEngine()) {
            assertThat(CONFLICTS.get()).as("TransactionConflict cancellations from the engine").isZero();
        }
    }

    @Test
    void fiftyBuyersOfTenUnitsExactlyTenSucceed() throws Exception {
        tables.client().putItem(r -> r.tableName(table).item(keyed("stock", "widget", "stock", n(STOCK))));

        List<Outcome> outcomes = all(BUYERS, buyer -> () -> retryingConflicts(() -> {
            try {
                tables.client().transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("stock", "widget"))
                                .updateExpression("SET stock = stock - :one").conditionExpression("stock > :zero")
                                .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(keyed("order", "buyer" + buyer))
                                .conditionExpression("attribute_not_exists(pk)").build()).build()));
                return Outcome.BOUGHT;
            } catch (TransactionCanceledException cancelled) {
                if (reasonCodes(cancelled).equals(List.of("ConditionalCheckFailed", "None"))) {
                    return Outcome.SOLD_OUT;
                }
                throw cancelled;
            }
        }));

        assertThat(outcomes).filteredOn(o -> o == Outcome.BOUGHT).hasSize(STOCK);
        assertThat(outcomes).filteredOn(o -> o == Outcome.SOLD_OUT).hasSize(BUYERS - STOCK);
        assertThat(get("stock", "widget")).containsEntry("stock", n(0));
        assertThat(tables.client().query(q -> q.tableName(table).keyConditionExpression("pk = :order").consistentRead(true)
                .expressionAttributeValues(Map.of(":order", Items.s("order")))).count()).isEqualTo(STOCK);
    }

    @Test
    void noReaderSeesHalfATransaction() throws Exception {
        int total = 100;
        int moves = 60;
        tables.client().putItem(r -> r.tableName(table).item(keyed("pair", "a", "units", n(total))));
        tables.client().putItem(r -> r.tableName(table).item(keyed("pair", "b", "units", n(0))));
        AtomicBoolean moving = new AtomicBoolean(true);
        AtomicInteger snapshots = new AtomicInteger();
        Queue<String> torn = new ConcurrentLinkedQueue<>();

        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<?> transactional = readers.submit(() -> {
                do {
                    List<Map<String, AttributeValue>> pair = retryingConflicts(() -> tables.client().transactGetItems(r -> r.transactItems(
                            TransactGetItem.builder().get(Get.builder().tableName(table).key(key("pair", "a")).build()).build(),
                            TransactGetItem.builder().get(Get.builder().tableName(table).key(key("pair", "b")).build()).build()))
                            .responses().stream().map(response -> response.item()).toList());
                    check("TransactGetItems", sum(pair), total, torn);
                    snapshots.incrementAndGet();
                } while (moving.get());
            });
            // AWS gives a Query only read-committed isolation against transactions; the engine promises more: every
            // request is serialized against every transaction, so a consistent Query of both items is a snapshot too.
            Future<?> query = readers.submit(() -> {
                if (!tables.target().isLocalEngine()) {
                    return;
                }
                do {
                    check("consistent Query", sum(tables.client().query(q -> q.tableName(table).consistentRead(true)
                            .keyConditionExpression("pk = :pair").expressionAttributeValues(Map.of(":pair", Items.s("pair"))))
                            .items()), total, torn);
                    snapshots.incrementAndGet();
                } while (moving.get());
            });

            // A few movers taking turns for a while, rather than all at once, so the readers' requests fall between
            // many transactions.
            List<Integer> moved = all(MOVERS, mover -> () -> {
                for (int i = 0; i < moves / MOVERS; i++) {
                    retryingConflicts(() -> tables.client().transactWriteItems(r -> r.transactItems(
                            TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("pair", "a"))
                                    .updateExpression("SET units = units - :one").conditionExpression("units > :zero")
                                    .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))).build()).build(),
                            TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("pair", "b"))
                                    .updateExpression("SET units = units + :one")
                                    .expressionAttributeValues(Map.of(":one", n(1))).build()).build())));
                }
                return moves / MOVERS;
            });
            moving.set(false);
            transactional.get();
            query.get();

            assertThat(moved).containsOnly(moves / MOVERS);
        } finally {
            readers.shutdownNow();
        }
        assertThat(torn).isEmpty();
        assertThat(snapshots.get()).isPositive();
        assertThat(get("pair", "a")).containsEntry("units", n(total - moves));
        assertThat(get("pair", "b")).containsEntry("units", n(moves));
    }

    private static void check(String reader, long sum, long total, Queue<String> torn) {
        if (sum != total) {
            torn.add(reader + " saw " + sum + " units instead of " + total);
        }
    }

    private static long sum(List<Map<String, AttributeValue>> items) {
        return items.stream().mapToLong(item -> Long.parseLong(item.get("units").n())).sum();
    }

    /** Runs {@code count} callers at once (released together) and returns their outcomes. */
    private static <T> List<T> all(int count, IntFunction<Callable<T>> caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> call = caller.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code attempt} again when AWS cancelled it for colliding with another transaction (a caller's duty). */
    private static <T> T retryingConflicts(Supplier<T> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (TransactionCanceledException cancelled) {
                if (!reasonCodes(cancelled).contains("TransactionConflict") || tries >= MAX_ATTEMPTS) {
                    throw cancelled;
                }
                CONFLICTS.incrementAndGet();
                try {
                    Thread.sleep(Math.min(200, 5L * tries));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw cancelled;
                }
            }
        }
    }

    private static List<String> reasonCodes(TransactionCanceledException cancelled) {
        return cancelled.cancellationReasons().stream().map(CancellationReason::code).toList();
    }

    private static Map<String, AttributeValue> get(String pk, String sk) {
        return tables.client().getItem(r -> r.tableName(table).key(key(pk, sk)).consistentRead(true)).item();
    }
}
