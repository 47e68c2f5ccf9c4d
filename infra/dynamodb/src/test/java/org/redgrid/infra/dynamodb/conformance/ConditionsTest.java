package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.redgrid.infra.dynamodb.conformance.AwsErrors.errorCode;
import static org.redgrid.infra.dynamodb.conformance.Items.item;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.l;
import static org.redgrid.infra.dynamodb.conformance.Items.m;
import static org.redgrid.infra.dynamodb.conformance.Items.n;
import static org.redgrid.infra.dynamodb.conformance.Items.s;
import static org.redgrid.infra.dynamodb.conformance.Items.ss;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Condition expressions on single writes: what passes, what fails, and what a failure reports. */
class ConditionsTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static String table;

    /** Every value a condition below may name; each request sends only those its expression uses (AWS rejects extras). */
    private static final Map<String, AttributeValue> VALUES = item(
            ":four", n(4), ":five", n(5), ":six", n(6), ":two", n(2), ":three", n(3),
            ":alpha", s("alpha"), ":beta", s("beta"), ":gamma", s("gamma"), ":be", s("be"), ":et", s("et"),
            ":red", s("red"), ":blue", s("blue"), ":x", s("x"), ":open", s("open"), ":N", s("N"), ":S", s("S"),
            ":fiveText", s("5"));

    @BeforeAll
    static void createTable() {
        table = tables.create("conditions");
    }

    /** The item every row of {@link #conditionOnAStoredItem} is evaluated against. */
    private static Map<String, AttributeValue> sample(String sk) {
        return keyed("sample", sk, "n", n(5), "s", s("beta"), "tags", ss("red", "green"), "letters", l(s("x"), s("y"), s("z")),
                "nested", m("deep", n(3)), "status", s("open"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            n = :five                          | true
            n <> :five                         | false
            n < :six                           | true
            n <= :five                         | true
            n > :five                          | false
            n >= :six                          | false
            n BETWEEN :four AND :six           | true
            n BETWEEN :six AND :six            | false
            n IN (:four, :six)                 | false
            n IN (:four, :five)                | true
            n = :fiveText                      | false
            s < :gamma                         | true
            s > :alpha                         | true
            s = :beta                          | true
            begins_with(s, :be)                | true
            begins_with(s, :et)                | false
            contains(s, :et)                   | true
            contains(tags, :red)               | true
            contains(tags, :blue)              | false
            contains(letters, :x)                 | true
            size(s) = :four                    | true
            size(tags) = :two                  | true
            size(letters) = :three             | true
            size(nested) = :two                 | false
            nested.deep = :three                | true
            letters[1] = :x                    | false
            letters[0] = :x                    | true
            attribute_type(n, :N)              | true
            attribute_type(n, :S)              | false
            attribute_exists(n)                | true
            attribute_exists(absentAttr)       | false
            attribute_not_exists(absentAttr)     | true
            attribute_not_exists(nested.deep)  | false
            absentAttr < :five                 | false
            NOT absentAttr = :five               | true
            n = :five AND s = :alpha           | false
            n = :five OR s = :alpha            | true
            NOT n = :five OR s = :beta         | true
            NOT (n = :five OR s = :beta)       | false
            n = :four OR s = :beta AND n = :six | false
            (n = :four OR s = :beta) AND n = :five | true
            #status = :open                    | true
            """)
    void conditionOnAStoredItem(String condition, boolean holds) {
        String sk = "c" + Integer.toHexString(condition.hashCode());
        tables.client().putItem(r -> r.tableName(table).item(sample(sk)));

        Map<String, AttributeValue> values = valuesUsedBy(condition);
        try {
            tables.client().updateItem(r -> {
                r.tableName(table).key(key("sample", sk)).updateExpression("SET touched = :touched")
                        .conditionExpression(condition)
                        .expressionAttributeValues(with(values, ":touched", n(1)));
                if (condition.contains("#status")) {
                    r.expressionAttributeNames(Map.of("#status", "status"));
                }
            });
            assertThat(holds).as("the write went through, so the condition held").isTrue();
            assertThat(read(sk)).containsEntry("touched", n(1));
        } catch (ConditionalCheckFailedException failed) {
            assertThat(holds).as("the condition failed: " + failed.getMessage()).isFalse();
            assertThat(read(sk)).doesNotContainKey("touched");
        }
    }

    @Test
    void attributeNotExistsMakesPutCreateOnly() {
        tables.client().putItem(r -> r.tableName(table).item(keyed("once", "1", "v", n(1)))
                .conditionExpression("attribute_not_exists(pk)"));

        assertThatThrownBy(() -> tables.client().putItem(r -> r.tableName(table).item(keyed("once", "1", "v", n(2)))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(readKey("once", "1")).containsEntry("v", n(1));
    }

    @Test
    void attributeExistsStopsUpdateFromCreating() {
        assertThatThrownBy(() -> tables.client().updateItem(r -> r.tableName(table).key(key("absent", "1"))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(1)))
                .conditionExpression("attribute_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(readKey("absent", "1")).isEmpty();
    }

    @Test
    void conditionalDeleteKeepsTheItemWhenTheConditionFails() {
        tables.client().putItem(r -> r.tableName(table).item(keyed("del", "1", "state", s("active"))));

        assertThatThrownBy(() -> tables.client().deleteItem(r -> r.tableName(table).key(key("del", "1"))
                .conditionExpression("#s = :closed").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":closed", s("closed")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(readKey("del", "1")).containsEntry("state", s("active"));

        tables.client().deleteItem(r -> r.tableName(table).key(key("del", "1"))
                .conditionExpression("#s = :active").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":active", s("active"))));
        assertThat(readKey("del", "1")).isEmpty();
    }

    @Test
    void failedPutReturnsTheStoredItemWhenAskedTo() {
        Map<String, AttributeValue> stored = keyed("old", "put", "v", n(1), "note", s("kept"));
        tables.client().putItem(r -> r.tableName(table).item(stored));

        ConditionalCheckFailedException failed = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> tables.client().putItem(r -> r.tableName(table).item(keyed("old", "put", "v", n(2)))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(failed.item()).isEqualTo(stored);
    }

    @Test
    void failedUpdateAndDeleteReturnTheStoredItemWhenAskedTo() {
        Map<String, AttributeValue> stored = keyed("old", "upd", "v", n(1));
        tables.client().putItem(r -> r.tableName(table).item(stored));

        ConditionalCheckFailedException update = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> tables.client().updateItem(r -> r.tableName(table).key(key("old", "upd"))
                        .updateExpression("SET v = :two").conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n(2)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        ConditionalCheckFailedException delete = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> tables.client().deleteItem(r -> r.tableName(table).key(key("old", "upd"))
                        .conditionExpression("attribute_not_exists(v)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(update.item()).isEqualTo(stored);
        assertThat(delete.item()).isEqualTo(stored);
    }

    @Test
    void failedWriteReturnsNoItemUnlessAskedTo() {
        tables.client().putItem(r -> r.tableName(table).item(keyed("old", "none", "v", n(1))));

        ConditionalCheckFailedException failed = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> tables.client().putItem(r -> r.tableName(table).item(keyed("old", "none"))
                        .conditionExpression("attribute_not_exists(pk)")));

        assertThat(failed.hasItem()).isFalse();
    }

    @Test
    void malformedConditionIsAValidationErrorNotAFailedCheck() {
        assertThatThrownBy(() -> tables.client().putItem(r -> r.tableName(table).item(keyed("bad", "1"))
                .conditionExpression("attribute_exists(")))
                .isNotInstanceOf(ConditionalCheckFailedException.class)
                .satisfies(errorCode("ValidationException"));
        assertThat(readKey("bad", "1")).isEmpty();
    }

    @Test
    void unusedExpressionValueIsRejected() {
        assertThatThrownBy(() -> tables.client().putItem(r -> r.tableName(table).item(keyed("unused", "1"))
                .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(":spare", n(1)))))
                .satisfies(errorCode("ValidationException"));
    }

    private static Map<String, AttributeValue> valuesUsedBy(String expression) {
        Map<String, AttributeValue> used = new java.util.HashMap<>();
        Matcher names = Pattern.compile(":[A-Za-z]+").matcher(expression);
        while (names.find()) {
            used.put(names.group(), VALUES.get(names.group()));
        }
        return used;
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name, AttributeValue value) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(name, value);
        return all;
    }

    private static Map<String, AttributeValue> read(String sk) {
        return readKey("sample", sk);
    }

    private static Map<String, AttributeValue> readKey(String pk, String sk) {
        return tables.client().getItem(r -> r.tableName(table).key(key(pk, sk)).consistentRead(true)).item();
    }
}
