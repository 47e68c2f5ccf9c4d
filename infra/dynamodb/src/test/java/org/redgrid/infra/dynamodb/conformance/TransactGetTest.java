package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.redgrid.infra.dynamodb.conformance.AwsErrors.errorCode;
import static org.redgrid.infra.dynamodb.conformance.Items.item;
import static org.redgrid.infra.dynamodb.conformance.Items.key;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.n;
import static org.redgrid.infra.dynamodb.conformance.Items.s;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/** TransactGetItems: items from several tables in request order, as of one moment, at twice the read price. */
class TransactGetTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    private static String people;
    private static String places;

    @BeforeAll
    static void createTables() {
        people = tables.create("tg-people");
        places = tables.create("tg-places");
        tables.client().putItem(r -> r.tableName(people).item(keyed("person", "li", "name", s("Li"), "age", n(40))));
        tables.client().putItem(r -> r.tableName(people).item(keyed("person", "wang", "name", s("Wang"), "age", n(30))));
        tables.client().putItem(r -> r.tableName(places).item(keyed("grid", "g1", "name", s("Grid 1"))));
    }

    @Test
    void itemsComeBackInRequestOrderWithMissingOnesEmpty() {
        TransactGetItemsResponse response = tables.client().transactGetItems(r -> r.transactItems(
                get(places, "grid", "g1"), get(people, "person", "wang"), get(people, "person", "nobody"), get(people, "person", "li")));

        assertThat(response.responses()).extracting(ItemResponse::hasItem).containsExactly(true, true, false, true);
        assertThat(response.responses().get(0).item()).isEqualTo(keyed("grid", "g1", "name", s("Grid 1")));
        assertThat(response.responses().get(1).item()).containsEntry("name", s("Wang"));
        assertThat(response.responses().get(3).item()).containsEntry("name", s("Li"));
    }

    @Test
    void projectionLimitsTheAttributesReturned() {
        TransactGetItemsResponse response = tables.client().transactGetItems(r -> r.transactItems(TransactGetItem.builder()
                .get(Get.builder().tableName(people).key(key("person", "li")).projectionExpression("#n")
                        .expressionAttributeNames(Map.of("#n", "name")).build()).build()));

        assertThat(response.responses().get(0).item()).isEqualTo(item("name", s("Li")));
    }

    @Test
    void aTransactionalReadCostsTwiceAConsistentRead() {
        double single = tables.client().getItem(r -> r.tableName(people).key(key("person", "li")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        TransactGetItemsResponse response = tables.client().transactGetItems(r -> r
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(get(people, "person", "li"), get(people, "person", "wang"), get(places, "grid", "g1")));

        assertThat(single).isEqualTo(1.0);
        assertThat(response.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
                .containsExactlyInAnyOrder(tuple(people, 2 * 2 * single), tuple(places, 2 * single));
    }

    @Test
    void moreThanOneHundredGetsAreRejected() {
        List<TransactGetItem> gets = IntStream.range(0, 101).mapToObj(i -> get(people, "person", "p" + i)).toList();

        assertThatThrownBy(() -> tables.client().transactGetItems(r -> r.transactItems(gets)))
                .satisfies(errorCode("ValidationException"));
        assertThat(tables.client().transactGetItems(r -> r.transactItems(gets.subList(0, 100))).responses()).hasSize(100);
    }

    private static TransactGetItem get(String table, String pk, String sk) {
        Map<String, AttributeValue> key = key(pk, sk);
        return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build();
    }
}
