package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.redgrid.infra.dynamodb.conformance.AwsErrors.errorCode;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.n;
import static org.redgrid.infra.dynamodb.conformance.Items.s;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** TransactWriteItems: all or nothing across tables, why it was cancelled, its limits, idempotency and its price. */
class TransactWriteTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static String stock;
    private static String ledger;

    @BeforeAll
    static void createTables() {
        stock = tables.create("tx-stock");
        ledger = tables.create("tx-ledger");
    }

    @Test
    void putUpdateDeleteAndConditionCheckApplyTogetherAcrossTwoTables() {
        put(stock, keyed("ok", "item", "count", n(5)));
        put(stock, keyed("ok", "obsolete", "count", n(0)));
        put(ledger, keyed("ok", "guard", "state", s("open")));

        tables.client().transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(stock).item(keyed("ok", "new", "count", n(1)))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(stock).key(key("ok", "item"))
                        .updateExpression("SET #c = #c - :one").conditionExpression("#c > :zero")
                        .expressionAttributeNames(Map.of("#c", "count"))
                        .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(stock).key(key("ok", "obsolete")).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(ledger).key(key("ok", "guard"))
                        .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":open", s("open"))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(keyed("ok", "entry", "delta", n(-1))).build())
                        .build()));

        assertThat(get(stock, "ok", "new")).containsEntry("count", n(1));
        assertThat(get(stock, "ok", "item")).containsEntry("count", n(4));
        assertThat(get(stock, "ok", "obsolete")).isEmpty();
        assertThat(get(ledger, "ok", "guard")).containsEntry("state", s("open"));
        assertThat(get(ledger, "ok", "entry")).containsEntry("delta", n(-1));
    }

    @Test
    void failedConditionCancelsEverythingAndReportsReasonsInRequestOrder() {
        Map<String, AttributeValue> guard = keyed("cancel", "guard", "state", s("closed"));
        put(ledger, guard);
        put(stock, keyed("cancel", "item", "count", n(5)));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> tables.client().transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName(stock).item(keyed("cancel", "new")).build()).build(),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(ledger).key(key("cancel", "guard"))
                                .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
                                .expressionAttributeValues(Map.of(":open", s("open")))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(stock).key(key("cancel", "item"))
                                .updateExpression("SET #c = #c - :one").expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":one", n(1))).build()).build())));

        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(cancelled.cancellationReasons().get(1).item()).isEqualTo(guard);
        assertThat(cancelled.cancellationReasons().get(0).hasItem()).isFalse();
        assertThat(cancelled.getMessage()).contains("ConditionalCheckFailed");
        assertThat(get(stock, "cancel", "new")).isEmpty();
        assertThat(get(stock, "cancel", "item")).containsEntry("count", n(5));
    }

    @Test
    void eachFailedConditionIsReportedWithTheItemOnlyWhereAsked() {
        put(stock, keyed("both", "a", "v", n(1)));
        put(stock, keyed("both", "b", "v", n(2)));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> tables.client().transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().delete(Delete.builder().tableName(stock).key(key("both", "a"))
                                .conditionExpression("v = :nine").expressionAttributeValues(Map.of(":nine", n(9)))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(stock).item(keyed("both", "b", "v", n(3)))
                                .conditionExpression("attribute_not_exists(pk)").build()).build(),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(stock).key(key("both", "absent"))
                                .conditionExpression("attribute_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())));

        List<CancellationReason> reasons = cancelled.cancellationReasons();
        assertThat(reasons).extracting(CancellationReason::code)
                .containsExactly("ConditionalCheckFailed", "ConditionalCheckFailed", "ConditionalCheckFailed");
        assertThat(reasons.get(0).item()).isEqualTo(keyed("both", "a", "v", n(1)));
        assertThat(reasons.get(1).hasItem()).isFalse();
        // ALL_OLD of an item that is not there is nothing.
        assertThat(reasons.get(2).hasItem()).isFalse();
        assertThat(get(stock, "both", "a")).containsEntry("v", n(1));
        assertThat(get(stock, "both", "b")).containsEntry("v", n(2));
    }

    @Test
    void anUpdateThatCannotApplyToTheStoredItemIsAValidationErrorReason() {
        put(stock, keyed("invalid", "text", "count", s("not a number")));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> tables.client().transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(keyed("invalid", "entry")).build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(stock).key(key("invalid", "text"))
                                .updateExpression("SET #c = #c - :one").expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":one", n(1))).build()).build())));

        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ValidationError");
        assertThat(cancelled.cancellationReasons().get(1).message()).isNotBlank();
        assertThat(get(ledger, "invalid", "entry")).isEmpty();
    }

    @Test
    void anItemGrowingPastFourHundredKilobytesIsAValidationErrorReason() {
        String half = "x".repeat(210 * 1024);
        put(stock, keyed("large", "item", "first", s(half)));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> tables.client().transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().update(Update.builder().tableName(stock).key(key("large", "item"))
                                .updateExpression("SET #second = :half").expressionAttributeNames(Map.of("#second", "second"))
                                .expressionAttributeValues(Map.of(":half", s(half))).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(keyed("large", "entry")).build()).build())));

        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ValidationError", "None");
        assertThat(get(stock, "large", "item")).doesNotContainKey("second");
        assertThat(get(ledger, "large", "entry")).isEmpty();
    }

    @Test
    void twoActionsOnOneItemAreRejected() {
        assertThatThrownBy(() -> tables.client().transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(stock).item(keyed("twice", "item", "v", n(1))).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(stock).key(key("twice", "item"))
                        .conditionExpression("attribute_not_exists(pk)").build()).build())))
                .satisfies(errorCode("ValidationException"))
                .hasMessageContaining("multiple operations on one item");
        assertThat(get(stock, "twice", "item")).isEmpty();
    }

    @Test
    void moreThanOneHundredActionsAreRejected() {
        List<TransactWriteItem> actions = IntStream.range(0, 101).mapToObj(i -> TransactWriteItem.builder()
                .put(Put.builder().tableName(stock).item(keyed("many", "item" + i)).build()).build()).toList();

        assertThatThrownBy(() -> tables.client().transactWriteItems(r -> r.transactItems(actions)))
                .satisfies(errorCode("ValidationException"));
        assertThat(get(stock, "many", "item0")).isEmpty();

        tables.client().transactWriteItems(r -> r.transactItems(actions.subList(0, 100)));
        assertThat(get(stock, "many", "item99")).isNotEmpty();
    }

    @Test
    void aMissingTableFailsTheWholeTransaction() {
        assertThatThrownBy(() -> tables.client().transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(stock).item(keyed("nowhere", "item")).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(stock + "-missing").item(keyed("nowhere", "item")).build()).build())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(get(stock, "nowhere", "item")).isEmpty();
    }

    @Test
    void retryWithTheSameClientRequestTokenAppliesOnce() {
        String token = UUID.randomUUID().toString();
        TransactWriteItem increment = TransactWriteItem.builder().update(Update.builder().tableName(stock).key(key("idem", "counter"))
                .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n(1))).build()).build();

        tables.client().transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment));
        tables.client().transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment));

        assertThat(get(stock, "idem", "counter")).containsEntry("hits", n(1));

        tables.client().transactWriteItems(r -> r.clientRequestToken(UUID.randomUUID().toString()).transactItems(increment));
        assertThat(get(stock, "idem", "counter")).containsEntry("hits", n(2));
    }

    @Test
    void theSameTokenWithADifferentRequestIsAMismatch() {
        String token = UUID.randomUUID().toString();
        tables.client().transactWriteItems(r -> r.clientRequestToken(token).transactItems(TransactWriteItem.builder()
                .put(Put.builder().tableName(stock).item(keyed("mismatch", "first")).build()).build()));

        assertThatThrownBy(() -> tables.client().transactWriteItems(r -> r.clientRequestToken(token).transactItems(TransactWriteItem.builder()
                .put(Put.builder().tableName(stock).item(keyed("mismatch", "second")).build()).build())))
                .isInstanceOf(IdempotentParameterMismatchException.class);
        assertThat(get(stock, "mismatch", "second")).isEmpty();
    }

    @Test
    void aTransactionCostsTwiceTheUnitsOfTheSameWritesDoneSingly() {
        double single = tables.client().putItem(r -> r.tableName(stock).item(keyed("price", "single", "v", s("small")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        TransactWriteItemsResponse response = tables.client().transactWriteItems(r -> r
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName(stock).item(keyed("price", "a", "v", s("small"))).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(stock).item(keyed("price", "b", "v", s("small"))).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(keyed("price", "c", "v", s("small"))).build()).build()));

        assertThat(single).isEqualTo(1.0);
        assertThat(response.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
                .containsExactlyInAnyOrder(tuple(stock, 2 * 2 * single),
                        tuple(ledger, 2 * single));
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        tables.client().putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> get(String table, String pk, String sk) {
        return tables.client().getItem(r -> r.tableName(table).key(key(pk, sk)).consistentRead(true)).item();
    }
}
