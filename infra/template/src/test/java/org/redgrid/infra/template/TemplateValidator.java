package org.redgrid.infra.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks a SAM template against AWS's own schemas: {@code AWS::Serverless::*} resources and Globals against the
 * SAM JSON schema, every other resource's Properties against its CloudFormation provider schema. Intrinsic
 * functions stand for values the schemas cannot know, so a complaint about a value that is (or sits inside) an
 * intrinsic is not an error; a misspelled property name or enum value still is. References must name something
 * the template declares.
 */
final class TemplateValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Path reference;
    private final JsonNode samSchema;
    private final Map<String, JsonSchema> cache = new HashMap<>();
    private final JsonSchemaFactory draft4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final JsonSchemaFactory draft7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();

    /** @param reference the folder holding sam/sam.schema.json and cfn-schemas/ */
    TemplateValidator(Path reference) {
        this.reference = reference;
        this.samSchema = read(reference.resolve("sam/sam.schema.json"));
    }

    List<String> validate(Map<String, Object> template) {
        JsonNode doc = JSON.valueToTree(template);
        List<String> errors = new ArrayList<>();
        if (doc.has("Globals")) {
            report(errors, "Globals", samDefinition("__main____Globals").validate(doc.get("Globals")), doc.get("Globals"));
        }
        JsonNode resources = doc.path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            JsonNode resource = entry.getValue();
            String type = resource.path("Type").asText();
            if (type.startsWith("AWS::Serverless::")) {
                String name = "samtranslator__internal__schema_source__aws_serverless_"
                        + type.substring("AWS::Serverless::".length()).toLowerCase(Locale.ROOT) + "__Resource";
                if (!samSchema.path("definitions").has(name)) {
                    errors.add(id + ": no schema for " + type);
                    continue;
                }
                report(errors, id, samDefinition(name).validate(resource), resource);
            } else {
                JsonSchema schema = providerSchema(type);
                if (schema == null) {
                    errors.add(id + ": no schema for " + type);
                    continue;
                }
                JsonNode properties = resource.path("Properties");
                report(errors, id, schema.validate(properties.isMissingNode() ? JSON.createObjectNode() : properties), properties);
            }
        }
        checkReferences(doc, errors);
        return errors;
    }

    private void report(List<String> errors, String id, Set<ValidationMessage> messages, JsonNode instance) {
        for (ValidationMessage m : messages) {
            if (!insideIntrinsic(instance, m.getInstanceLocation())) {
                errors.add(id + ": " + m.getInstanceLocation() + " " + m.getMessage());
            }
        }
    }

    /** Whether the value at {@code location} is, or lies within, a CloudFormation intrinsic function. */
    private static boolean insideIntrinsic(JsonNode root, JsonNodePath location) {
        JsonNode node = root;
        if (isIntrinsic(node)) {
            return true;
        }
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
            if (isIntrinsic(node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    private void checkReferences(JsonNode doc, List<String> errors) {
        Set<String> names = new HashSet<>(PSEUDO);
        doc.path("Parameters").fieldNames().forEachRemaining(names::add);
        Set<String> resources = new HashSet<>();
        doc.path("Resources").fieldNames().forEachRemaining(resources::add);
        names.addAll(resources);
        Set<String> conditions = new HashSet<>();
        doc.path("Conditions").fieldNames().forEachRemaining(conditions::add);
        walk(doc, "", names, resources, conditions, errors);
    }

    private static void walk(JsonNode node, String where, Set<String> names, Set<String> resources, Set<String> conditions,
            List<String> errors) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode value = e.getValue();
                String at = where + "/" + key;
                if (key.equals("Ref") && value.isTextual() && !names.contains(value.asText())) {
                    errors.add(at + ": Ref to undeclared " + value.asText());
                } else if (key.equals("Fn::GetAtt") && value.isArray() && !resources.contains(value.path(0).asText())) {
                    errors.add(at + ": GetAtt of undeclared resource " + value.path(0).asText());
                } else if (key.equals("Fn::Sub")) {
                    String text = value.isArray() ? value.path(0).asText() : value.asText();
                    Set<String> local = new HashSet<>(names);
                    if (value.isArray()) {
                        value.path(1).fieldNames().forEachRemaining(local::add);
                    }
                    Matcher m = SUB_VARIABLE.matcher(text);
                    while (m.find()) {
                        String variable = m.group(1).split("\\.")[0];
                        if (!local.contains(variable)) {
                            errors.add(at + ": Sub names undeclared " + variable);
                        }
                    }
                } else if (key.equals("Condition") && value.isTextual() && !conditions.contains(value.asText())) {
                    errors.add(at + ": undeclared condition " + value.asText());
                }
                walk(value, at, names, resources, conditions, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, names, resources, conditions, errors);
            }
        }
    }

    private JsonSchema samDefinition(String name) {
        return cache.computeIfAbsent("sam:" + name, k -> {
            ObjectNode schema = JSON.createObjectNode();
            schema.put("$schema", "http://json-schema.org/draft-04/schema#");
            schema.set("definitions", samSchema.get("definitions"));
            schema.put("$ref", "#/definitions/" + name);
            return draft4.getSchema(schema, config);
        });
    }

    private JsonSchema providerSchema(String type) {
        String file = type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
        Path path = reference.resolve("cfn-schemas").resolve(file);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        return cache.computeIfAbsent("cfn:" + type, k -> {
            ObjectNode schema = (ObjectNode) read(path);
            schema.remove("$schema");
            return draft7.getSchema(schema, config);
        });
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + file, e);
        }
    }
}
