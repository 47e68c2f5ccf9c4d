package org.redgrid.kernel.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * An all-or-nothing write (TransactWriteItems) whose every conditional part names the refusal the caller gets
 * when exactly that condition fails, so a lost race or a stale reference is a precise 404/409, never a 500.
 */
public final class Transaction {

    /** DynamoDB's limit on the items of one transaction. */
    public static final int MAX_ITEMS = 100;
    /** Attempts of a transaction that collided with another one (TransactionConflict). */
    static final int CONFLICT_ATTEMPTS = 8;

    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<Supplier<ProblemException>> refusals = new ArrayList<>();

    public Transaction put(Put put, Supplier<ProblemException> onConditionFailed) {
        return add(TransactWriteItem.builder().put(put).build(), onConditionFailed);
    }

    public Transaction update(Update update, Supplier<ProblemException> onConditionFailed) {
        return add(TransactWriteItem.builder().update(update).build(), onConditionFailed);
    }

    public Transaction delete(Delete delete, Supplier<ProblemException> onConditionFailed) {
        return add(TransactWriteItem.builder().delete(delete).build(), onConditionFailed);
    }

    public Transaction check(ConditionCheck check, Supplier<ProblemException> onConditionFailed) {
        return add(TransactWriteItem.builder().conditionCheck(check).build(), onConditionFailed);
    }

    public int size() {
        return items.size();
    }

    public void commit(DynamoDbClient db) {
        if (items.size() > MAX_ITEMS) {
            throw ProblemException.conflict("TOO_MANY_CHANGES", "一次变更涉及的记录超过 " + MAX_ITEMS + " 条，请分批操作");
        }
        for (int attempt = 1;; attempt++) {
            try {
                db.transactWriteItems(r -> r.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                for (int i = 0; i < reasons.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        throw refusals.get(i).get();
                    }
                }
                if (reasons.stream().noneMatch(r -> "TransactionConflict".equals(r.code()))) {
                    throw e;
                }
                // Writes that share a counter (a node's totals) collide under load; the conditions still hold
                // on a retry, so a collision is retried a few times before the caller hears of it.
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试");
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 20L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试");
        }
    }

    private Transaction add(TransactWriteItem item, Supplier<ProblemException> refusal) {
        items.add(item);
        refusals.add(refusal);
        return this;
    }
}
