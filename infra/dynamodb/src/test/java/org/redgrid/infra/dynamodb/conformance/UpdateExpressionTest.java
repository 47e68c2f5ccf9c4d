package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redgrid.infra.dynamodb.conformance.AwsErrors.errorCode;
import static org.redgrid.infra.dynamodb.conformance.Items.item;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.l;
import static org.redgrid.infra.dynamodb.conformance.Items.m;
import static org.redgrid.infra.dynamodb.conformance.Items.n;
import static org.redgrid.infra.dynamodb.conformance.Items.ns;
import static org.redgrid.infra.dynamodb.conformance.Items.s;
import static org.redgrid.infra.dynamodb.conformance.Items.ss;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem's expression language (SET, REMOVE, ADD, DELETE and functions) and what ReturnValues hands back. */
class UpdateExpressionTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static String table;

    @BeforeAll
    static void createTable() {
        table = tables.create("updates");
    }

    @Test
    void setWritesValuesCopiesAttributesAndComputes() {
        put(keyed("set", "1", "n", n(10), "from", s("copied")));

        Map<String, AttributeValue> after = update("set", "1",
                "SET a = :a, up = n + :three, down = n - :three, twin = #from, n = n + :three",
                item(":a", s("A"), ":three", n(3)), Map.of("#from", "from"));

        // Every operand is read from the item as it was before this update.
        assertThat(after).containsEntry("a", s("A")).containsEntry("up", n(13)).containsEntry("down", n(7))
                .containsEntry("twin", s("copied")).containsEntry("n", n(13));
    }

    @Test
    void setReachesIntoMapsAndLists() {
        put(keyed("nested", "1", "profile", m("name", s("Li"), "tags", l(s("a"), s("b"))), "seq", l(n(1), n(2), n(3))));

        Map<String, AttributeValue> after = update("nested", "1",
                "SET profile.#name = :name, profile.tags[1] = :c, seq[2] = :thirty, seq[9] = :appended",
                item(":name", s("Wang"), ":c", s("c"), ":thirty", n(30), ":appended", n(99)), Map.of("#name", "name"));

        assertThat(after.get("profile")).isEqualTo(m("name", s("Wang"), "tags", l(s("a"), s("c"))));
        // An index past the end appends.
        assertThat(after.get("seq")).isEqualTo(l(n(1), n(2), n(30), n(99)));
    }

    @Test
    void ifNotExistsStartsACounterOnce() {
        String counting = "SET hits = if_not_exists(hits, :zero) + :one, firstSeen = if_not_exists(firstSeen, :now)";

        update("counter", "1", counting, item(":zero", n(0), ":one", n(1), ":now", s("t1")), Map.of());
        Map<String, AttributeValue> after = update("counter", "1", counting,
                item(":zero", n(0), ":one", n(1), ":now", s("t2")), Map.of());

        assertThat(after).containsEntry("hits", n(2)).containsEntry("firstSeen", s("t1"));
    }

    @Test
    void listAppendAddsAtEitherEnd() {
        put(keyed("lists", "1", "l", l(s("m"))));

        Map<String, AttributeValue> after = update("lists", "1", "SET l = list_append(:head, list_append(l, :tail))",
                item(":head", l(s("a")), ":tail", l(s("y"), s("z"))), Map.of());

        assertThat(after.get("l")).isEqualTo(l(s("a"), s("m"), s("y"), s("z")));
    }

    @Test
    void removeDropsAttributesAndListElements() {
        put(keyed("remove", "1", "gone", s("x"), "kept", s("y"), "l", l(s("a"), s("b"), s("c")), "props", m("k", s("v"), "w", s("v"))));

        Map<String, AttributeValue> after = update("remove", "1", "REMOVE gone, l[0], props.k, nothingThere", item(), Map.of());

        assertThat(after).doesNotContainKey("gone").containsEntry("kept", s("y"));
        // Later elements move up when one is removed.
        assertThat(after.get("l")).isEqualTo(l(s("b"), s("c")));
        assertThat(after.get("props")).isEqualTo(m("w", s("v")));
    }

    @Test
    void addIncrementsNumbersAndUnitesSets() {
        put(keyed("add", "1", "n", n(5), "tags", ss("a", "b"), "ids", ns(1, 2)));

        Map<String, AttributeValue> after = update("add", "1", "ADD n :minusTwo, tags :more, ids :three, fresh :seven",
                item(":minusTwo", n(-2), ":more", ss("b", "c"), ":three", ns(3), ":seven", n(7)), Map.of());

        assertThat(after).containsEntry("n", n(3)).containsEntry("fresh", n(7));
        assertThat(after.get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(after.get("ids").ns()).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void deleteTakesElementsOutOfASetAndTheLastOneTakesTheSet() {
        put(keyed("delete", "1", "tags", ss("a", "b", "c"), "single", ss("only")));

        Map<String, AttributeValue> after = update("delete", "1", "DELETE tags :ab, single :only",
                item(":ab", ss("a", "b", "x"), ":only", ss("only")), Map.of());

        assertThat(after.get("tags").ss()).containsExactly("c");
        // DynamoDB has no empty sets: removing the last element removes the attribute.
        assertThat(after).doesNotContainKey("single");
    }

    @Test
    void updateOfAMissingItemCreatesIt() {
        Map<String, AttributeValue> after = update("upsert", "1", "SET v = :v ADD n :one", item(":v", s("new"), ":one", n(1)),
                Map.of());

        assertThat(after).isEqualTo(keyed("upsert", "1", "v", s("new"), "n", n(1)));
    }

    @Test
    void numbersAreExactDecimals() {
        update("decimal", "1", "SET n = :a", item(":a", n("0.1")), Map.of());
        Map<String, AttributeValue> after = update("decimal", "1", "SET n = n + :b, big = :big + :one",
                item(":b", n("0.2"), ":big", n("99999999999999999999999999999999999998"), ":one", n(1)), Map.of());

        assertThat(new BigDecimal(after.get("n").n())).isEqualByComparingTo("0.3");
        assertThat(after.get("big").n()).isEqualTo("99999999999999999999999999999999999999");
    }

    @Test
    void numbersComeBackNormalised() {
        put(keyed("normal", "1", "trailing", n("1.50"), "leading", n("007"), "whole", n("2.0")));

        Map<String, AttributeValue> stored = tables.client().getItem(r -> r.tableName(table).key(key("normal", "1"))
                .consistentRead(true)).item();

        assertThat(stored).containsEntry("trailing", n("1.5")).containsEntry("leading", n("7")).containsEntry("whole", n("2"));
    }

    @Test
    void emptyStringsAreValidOutsideKeysButNotInThem() {
        put(keyed("empty", "1", "note", s(""), "notes", l(s(""))));

        assertThat(tables.client().getItem(r -> r.tableName(table).key(key("empty", "1")).consistentRead(true)).item())
                .containsEntry("note", s(""));
        assertThatThrownBy(() -> put(keyed("empty", "")))
                .satisfies(errorCode("ValidationException"));
    }

    @Test
    void returnValuesHandBackTheRequestedImage() {
        put(keyed("returns", "1", "a", n(1), "b", n(2)));

        UpdateItemResponse none = updateReturning(ReturnValue.NONE, 10);
        UpdateItemResponse allOld = updateReturning(ReturnValue.ALL_OLD, 20);
        UpdateItemResponse updatedOld = updateReturning(ReturnValue.UPDATED_OLD, 30);
        UpdateItemResponse allNew = updateReturning(ReturnValue.ALL_NEW, 40);
        UpdateItemResponse updatedNew = updateReturning(ReturnValue.UPDATED_NEW, 50);

        assertThat(none.hasAttributes()).isFalse();
        assertThat(allOld.attributes()).isEqualTo(keyed("returns", "1", "a", n(10), "b", n(2)));
        assertThat(updatedOld.attributes()).isEqualTo(item("a", n(20)));
        assertThat(allNew.attributes()).isEqualTo(keyed("returns", "1", "a", n(40), "b", n(2)));
        assertThat(updatedNew.attributes()).isEqualTo(item("a", n(50)));
    }

    @Test
    void putAndDeleteReturnTheOldItem() {
        put(keyed("returns", "2", "v", n(1)));

        var replaced = tables.client().putItem(r -> r.tableName(table).item(keyed("returns", "2", "v", n(2)))
                .returnValues(ReturnValue.ALL_OLD));
        var deleted = tables.client().deleteItem(r -> r.tableName(table).key(key("returns", "2"))
                .returnValues(ReturnValue.ALL_OLD));
        var deletedAgain = tables.client().deleteItem(r -> r.tableName(table).key(key("returns", "2"))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(replaced.attributes()).isEqualTo(keyed("returns", "2", "v", n(1)));
        assertThat(deleted.attributes()).isEqualTo(keyed("returns", "2", "v", n(2)));
        assertThat(deletedAgain.hasAttributes()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "SET words = words + :one", // arithmetic on a string
            "SET sk = :one", // a key attribute
            "SET n = :one REMOVE n", // two clauses on one path
            "ADD words :one", // ADD to a string
            "SET l = list_append(l, :one)", // list_append of a number
            "SET absentAttr = absentAttr + :one" // an operand that is not there
    })
    void invalidUpdatesAreRejectedAndChangeNothing(String expression) {
        Map<String, AttributeValue> stored = keyed("invalid", "1", "words", s("some words"), "n", n(1), "l", l(n(1)));
        put(stored);

        assertThatThrownBy(() -> tables.client().updateItem(r -> r.tableName(table).key(key("invalid", "1"))
                .updateExpression(expression).expressionAttributeValues(Map.of(":one", n(1)))))
                .satisfies(errorCode("ValidationException"));
        assertThat(tables.client().getItem(r -> r.tableName(table).key(key("invalid", "1")).consistentRead(true)).item())
                .isEqualTo(stored);
    }

    private UpdateItemResponse updateReturning(ReturnValue returnValue, int a) {
        return tables.client().updateItem(r -> r.tableName(table).key(key("returns", "1")).updateExpression("SET a = :a")
                .expressionAttributeValues(Map.of(":a", n(a))).returnValues(returnValue));
    }

    private static void put(Map<String, AttributeValue> item) {
        tables.client().putItem(r -> r.tableName(table).item(item));
    }

    /** Applies {@code expression} and returns the whole item after it (ALL_NEW). */
    private static Map<String, AttributeValue> update(String pk, String sk, String expression, Map<String, AttributeValue> values,
            Map<String, String> names) {
        return tables.client().updateItem(r -> {
            r.tableName(table).key(key(pk, sk)).updateExpression(expression).returnValues(ReturnValue.ALL_NEW);
            if (!values.isEmpty()) {
                r.expressionAttributeValues(values);
            }
            if (!names.isEmpty()) {
                r.expressionAttributeNames(names);
            }
        }).attributes();
    }
}
