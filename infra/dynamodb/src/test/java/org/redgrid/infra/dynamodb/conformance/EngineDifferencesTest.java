package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.redgrid.infra.dynamodb.conformance.AwsErrors.errorCode;
import static org.redgrid.infra.dynamodb.conformance.Items.keyed;
import static org.redgrid.infra.dynamodb.conformance.Items.s;
import static org.redgrid.infra.dynamodb.conformance.Tables.key;
import static org.redgrid.infra.dynamodb.conformance.Tables.string;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Where the engine knowingly behaves unlike AWS DynamoDB (listed in CONFORMANCE.md and the engine's README): each test
 * pins the engine's behaviour, so a change to it is noticed, and says what AWS does. They run on the engine only; the
 * rest of the suite asserts AWS's behaviour everywhere.
 */
class EngineDifferencesTest {

    @RegisterExtension
    static final Tables tables = new Tables();

    @BeforeEach
    void onTheEngineOnly() {
        assumeTrue(tables.target().isLocalEngine(), "pins the engine's own behaviour");
    }

    @Test
    void aCreatedTableIsActiveAtOnce() {
        // AWS answers CREATING and takes seconds to minutes; callers wait for ACTIVE either way.
        String name = tables.target().tablePrefix() + "instant";
        try {
            assertThat(tables.client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(string("pk"))).tableDescription().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        } finally {
            tables.client().deleteTable(r -> r.tableName(name));
        }
    }

    @Test
    void itemCountAndSizeAreNotKept() {
        // AWS refreshes ItemCount and TableSizeBytes about every six hours; the engine leaves them at 0.
        String table = tables.create("counts");
        tables.client().putItem(r -> r.tableName(table).item(keyed("p", "1", "v", s("x"))));

        var described = tables.client().describeTable(r -> r.tableName(table)).table();
        assertThat(described.itemCount()).isZero();
        assertThat(described.tableSizeBytes()).isZero();
    }

    @Test
    void aGlobalIndexIsReadableRightAfterTheWrite() {
        // AWS propagates to a global secondary index asynchronously (usually within a second); the engine at once.
        String table = tables.create("index-lag", spec -> spec.attributeDefinitions(string("pk"), string("sk"), string("status"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus").keySchema(key("status", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        tables.client().putItem(r -> r.tableName(table).item(keyed("p", "1", "status", s("new"))));

        assertThat(tables.client().query(q -> q.tableName(table).indexName("byStatus").keyConditionExpression("#s = :new")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":new", s("new")))).count())
                .isEqualTo(1);
    }

    @Test
    void timeToLiveIsEnabledAtOnce() {
        // AWS passes through ENABLING (up to an hour) before ENABLED.
        String table = tables.create("ttl-at-once");
        tables.client().updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));

        assertThat(tables.client().describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void partiqlIsNotImplemented() {
        // AWS runs ExecuteStatement; RedGrid's functions use the item API only.
        String table = tables.create("partiql");

        assertThatThrownBy(() -> tables.client().executeStatement(r -> r.statement("SELECT * FROM \"" + table + "\"")))
                .satisfies(errorCode("UnknownOperationException"));
    }
}
