package org.redgrid.infra.dynamodb.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The tables of one test class: created with a unique name (so the suite can run against a shared AWS account),
 * waited for until ACTIVE, deleted after the class. The {@link Target} is shared by the whole test JVM and closed
 * with it.
 */
final class Tables implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Tables.class);
    /** Table creation on AWS takes seconds to minutes; the engine keeps a table CREATING for half a second. */
    private static final Duration ACTIVE_BOUND = Duration.ofMinutes(5);

    /** Numbers every table of the JVM, so no two classes can pick the same name. */
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final List<String> created = new ArrayList<>();
    private Target target;

    @Override
    public void beforeAll(ExtensionContext context) {
        target = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Target.class, k -> Target.fromEnvironment(),
                Target.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (String table : created) {
            try {
                client().deleteTable(r -> r.tableName(table));
            } catch (ResourceNotFoundException | ResourceInUseException goneOrGoing) {
                // A test deleted it already (AWS answers ResourceInUse while it is still DELETING).
                continue;
            }
        }
        created.clear();
    }

    Target target() {
        return target;
    }

    DynamoDbClient client() {
        return target.client();
    }

    DynamoDbStreamsClient streams() {
        return target.streams();
    }

    /** A table with a string partition key {@code pk} and a string sort key {@code sk}, on demand. */
    String create(String purpose) {
        return create(purpose, spec -> { });
    }

    /**
     * A table keyed {@code pk}/{@code sk} (strings) with whatever else {@code spec} adds (indexes, streams, more
     * attribute definitions: {@code spec} sees the key definitions already set and may replace them).
     */
    String create(String purpose, Consumer<CreateTableRequest.Builder> spec) {
        String name = target.tablePrefix() + purpose + "-" + TABLES.incrementAndGet();
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(string("pk"), string("sk"));
        spec.accept(request);
        client().createTable(request.build());
        created.add(name);
        awaitActive(name);
        return name;
    }

    /** Waits until the table and all its global secondary indexes are ACTIVE (after CreateTable or UpdateTable). */
    void awaitActive(String name) {
        Poll.until("table " + name + " to become ACTIVE", ACTIVE_BOUND, pollInterval(), () -> {
            TableDescription table = client().describeTable(r -> r.tableName(name)).table();
            boolean indexesActive = table.globalSecondaryIndexes().stream()
                    .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
            return table.tableStatus() == TableStatus.ACTIVE && indexesActive ? Optional.of(table) : Optional.empty();
        });
    }

    /** How often to ask the service whether it is done: briefly on the engine, politely on AWS. */
    Duration pollInterval() {
        return target.isLocalEngine() ? Duration.ofMillis(50) : Duration.ofSeconds(1);
    }

    static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    static AttributeDefinition number(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.N).build();
    }
}
