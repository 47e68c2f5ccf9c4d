package org.redgrid.infra.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * template.yaml as data: the one place that declares RedGrid's tables, functions and routes.
 * Tests, the local runtime and the benchmarks read it through this class, so nothing else declares a table.
 * CloudFormation short tags ({@code !Ref}, {@code !Sub}, ...) become their long JSON form ({@code {"Ref": ...}}).
 */
public final class SamTemplate {

    /** A DynamoDB table of the template: its logical id doubles as the local table name. */
    public record TableDefinition(String logicalId, CreateTableRequest createRequest, Optional<String> ttlAttribute) {
    }

    /** An HttpApi event of a function: what API Gateway routes to it. */
    public record Route(String function, String method, String path) {
    }

    /**
     * A DynamoDB event of a function: the table whose stream Lambda polls for it, where a new consumer starts
     * (TRIM_HORIZON or LATEST), the most records per invocation, whether the function reports partial batch failures
     * ({@code ReportBatchItemFailures}) and the FilterCriteria patterns (JSON; a record passes when any matches).
     */
    public record StreamSource(String function, String event, String table, String startingPosition, int batchSize,
            boolean reportsBatchItemFailures, List<String> filterPatterns) {
    }

    private final Map<String, Object> document;

    private SamTemplate(Map<String, Object> document) {
        this.document = document;
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> doc = parse(reader);
            return new SamTemplate(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** template.yaml of this checkout: system property {@code redgrid.root}, else the nearest parent holding one. */
    public static Path locate() {
        String root = System.getProperty("redgrid.root");
        if (root != null && Files.isRegularFile(Path.of(root, "template.yaml"))) {
            return Path.of(root, "template.yaml");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found: set -Dredgrid.root to the checkout");
    }

    public static SamTemplate fromCheckout() {
        return load(locate());
    }

    /** Parses YAML with CloudFormation's short-form tags. */
    public static Map<String, Object> parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(8 * 1024 * 1024);
        Object doc = new Yaml(new CloudFormationConstructor(options)).load(reader);
        if (!(doc instanceof Map)) {
            throw new IllegalArgumentException("template is not a YAML mapping");
        }
        return cast(doc);
    }

    public Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        cast(document.getOrDefault("Resources", Map.of())).forEach((id, r) -> out.put((String) id, cast(r)));
        return out;
    }

    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.get("Type"))) {
                out.put(id, r);
            }
        });
        return out;
    }

    public List<TableDefinition> tables() {
        List<TableDefinition> out = new ArrayList<>();
        resourcesOfType("AWS::DynamoDB::Table").forEach((id, r) -> out.add(table(id, properties(r))));
        return out;
    }

    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        forEachEvent("HttpApi", (fn, name, p) -> out.add(new Route(fn, ((String) p.get("Method")).toUpperCase(), (String) p.get("Path"))));
        return out;
    }

    /** The functions' DynamoDB stream event sources; {@code Stream} must be {@code !GetAtt <Table>.StreamArn}. */
    public List<StreamSource> streamSources() {
        List<StreamSource> out = new ArrayList<>();
        forEachEvent("DynamoDB", (fn, name, p) -> {
            if (!(p.get("Stream") instanceof Map<?, ?> stream && stream.get("Fn::GetAtt") instanceof List<?> att
                    && att.size() == 2 && "StreamArn".equals(att.get(1)))) {
                throw new IllegalArgumentException(fn + "." + name + ": Stream must be !GetAtt <Table>.StreamArn");
            }
            List<String> patterns = list(cast(p.getOrDefault("FilterCriteria", Map.of())).getOrDefault("Filters", List.of())).stream()
                    .map(f -> (String) f.get("Pattern")).toList();
            List<?> responseTypes = (List<?>) p.getOrDefault("FunctionResponseTypes", List.of());
            out.add(new StreamSource(fn, name, (String) att.get(0), (String) p.get("StartingPosition"),
                    p.get("BatchSize") instanceof Number n ? n.intValue() : 100, responseTypes.contains("ReportBatchItemFailures"), patterns));
        });
        return out;
    }

    private interface EventVisitor {
        void visit(String function, String event, Map<String, Object> properties);
    }

    /** Calls {@code visitor} for each event of type {@code type} of each function, in template order. */
    private void forEachEvent(String type, EventVisitor visitor) {
        resourcesOfType("AWS::Serverless::Function").forEach((fn, r) -> {
            Map<String, Object> events = cast(properties(r).getOrDefault("Events", Map.of()));
            events.forEach((name, e) -> {
                Map<String, Object> event = cast(e);
                if (type.equals(event.get("Type"))) {
                    visitor.visit(fn, name, cast(event.getOrDefault("Properties", Map.of())));
                }
            });
        });
    }

    /**
     * The environment a function gets in the cloud, as far as the template decides it: Globals merged with the
     * function's own variables; {@code !Ref Parameter} becomes the parameter's default and {@code !Ref Table} the
     * table's logical id (the local table name). Values no local run can know (other intrinsics) are left out.
     */
    public Map<String, String> environment(String function) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> globals = cast(cast(document.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        for (Map<String, Object> source : List.of(globals, properties(resources().get(function)))) {
            Map<String, Object> env = cast(cast(source.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()));
            env.forEach((name, value) -> resolve(value).ifPresent(v -> out.put(name, v)));
        }
        return out;
    }

    /**
     * The Java handler ("class::method") a function declares for itself (e.g. a stream function's
     * {@code org.redgrid.app.StreamConsumers::handleRequest}); empty for the functions that use the Globals handler.
     */
    public Optional<String> javaHandler(String function) {
        return properties(resources().get(function)).get("Handler") instanceof String h ? Optional.of(h) : Optional.empty();
    }

    /** MemorySize of a function (its own, else Globals', else Lambda's default of 128 MB). */
    public int memorySize(String function) {
        Object own = properties(resources().get(function)).get("MemorySize");
        Object global = cast(cast(document.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of())).get("MemorySize");
        Object value = own != null ? own : global;
        return value instanceof Number n ? n.intValue() : 128;
    }

    private Optional<String> resolve(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String target) {
            if (resourcesOfType("AWS::DynamoDB::Table").containsKey(target)) {
                return Optional.of(target);
            }
            Map<String, Object> parameter = cast(cast(document.getOrDefault("Parameters", Map.of())).get(target));
            if (parameter != null && parameter.get("Default") != null) {
                return Optional.of(String.valueOf(parameter.get("Default")));
            }
        }
        return Optional.empty();
    }

    private static TableDefinition table(String id, Map<String, Object> p) {
        List<AttributeDefinition> attributes = list(p.get("AttributeDefinitions")).stream()
                .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                        .attributeType((String) a.get("AttributeType")).build())
                .toList();
        List<GlobalSecondaryIndex> gsis = list(p.getOrDefault("GlobalSecondaryIndexes", List.of())).stream()
                .map(g -> GlobalSecondaryIndex.builder()
                        .indexName((String) g.get("IndexName"))
                        .keySchema(keys(g.get("KeySchema")))
                        .projection(projection(cast(g.get("Projection"))))
                        .build())
                .toList();
        CreateTableRequest.Builder create = CreateTableRequest.builder()
                .tableName(id)
                .attributeDefinitions(attributes)
                .keySchema(keys(p.get("KeySchema")))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!gsis.isEmpty()) {
            create.globalSecondaryIndexes(gsis);
        }
        if (p.get("StreamSpecification") instanceof Map<?, ?> stream && stream.get("StreamViewType") instanceof String view) {
            create.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(view).build());
        }
        Optional<String> ttl = Optional.ofNullable(p.get("TimeToLiveSpecification"))
                .map(SamTemplate::cast)
                .filter(t -> Boolean.TRUE.equals(t.get("Enabled")))
                .map(t -> (String) t.get("AttributeName"));
        return new TableDefinition(id, create.build(), ttl);
    }

    private static List<KeySchemaElement> keys(Object keySchema) {
        return list(keySchema).stream()
                .map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType")).build())
                .toList();
    }

    private static Projection projection(Map<String, Object> p) {
        Projection.Builder b = Projection.builder().projectionType((String) p.get("ProjectionType"));
        if (p.get("NonKeyAttributes") instanceof List<?> attrs) {
            b.nonKeyAttributes(attrs.stream().map(String::valueOf).toList());
        }
        return b.build();
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return cast(resource.getOrDefault("Properties", Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** Turns {@code !Ref X} into {"Ref": X}, {@code !Condition X} into {"Condition": X}, {@code !Sub ...} into {"Fn::Sub": ...}. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String key = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                        if (tag.equals("GetAtt")) {
                            String s = (String) value;
                            int dot = s.indexOf('.');
                            value = List.of(s.substring(0, dot), s.substring(dot + 1));
                        }
                    } else if (node instanceof SequenceNode seq) {
                        value = constructSequence(seq);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put(key, value);
                    return out;
                }
            });
        }
    }
}
