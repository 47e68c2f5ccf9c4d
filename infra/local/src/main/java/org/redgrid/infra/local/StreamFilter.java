package org.redgrid.infra.local;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lambda's event filtering (FilterCriteria patterns) for stream records, as far as RedGrid's template uses it: exact
 * values, {@code {"prefix": ...}} and {@code {"exists": true|false}}, nested to any depth. Every field of a pattern must
 * match; a field's list matches when any of its entries does. Anything else is refused when the runtime starts, so a
 * pattern is never silently ignored.
 */
final class StreamFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamFilter() {
    }

    /** Parses and checks a pattern. */
    static JsonNode parse(String pattern) {
        JsonNode node;
        try {
            node = JSON.readTree(pattern);
        } catch (IOException e) {
            throw new IllegalArgumentException("FilterCriteria pattern is not JSON: " + pattern, e);
        }
        check(node, pattern);
        return node;
    }

    private static void check(JsonNode node, String pattern) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("FilterCriteria pattern fields must be objects or lists: " + pattern);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            JsonNode value = it.next().getValue();
            if (value.isObject()) {
                check(value, pattern);
            } else if (value.isArray()) {
                value.forEach(entry -> {
                    if (entry.isObject() && !(entry.size() == 1 && (entry.path("prefix").isTextual() || entry.path("exists").isBoolean()))) {
                        throw new IllegalArgumentException("the local runtime supports exact values, prefix and exists in "
                                + "FilterCriteria, not " + entry + " (in " + pattern + ")");
                    }
                });
            } else {
                throw new IllegalArgumentException("FilterCriteria values must be lists: " + pattern);
            }
        }
    }

    /** Whether {@code record} (as in the event) matches {@code pattern}. */
    static boolean matches(JsonNode pattern, JsonNode record) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = record == null ? null : record.get(field.getKey());
            // A missing object still lets {"exists": false} below it match.
            boolean ok = field.getValue().isObject() ? matches(field.getValue(), value != null && value.isObject() ? value : null)
                    : anyMatches(field.getValue(), value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(JsonNode entries, JsonNode value) {
        for (JsonNode entry : entries) {
            if (entry.has("exists")) {
                if (entry.get("exists").asBoolean() == (value != null && !value.isContainerNode())) {
                    return true;
                }
            } else if (value != null && value.isArray()) {
                for (JsonNode v : value) {
                    if (matchesOne(entry, v)) {
                        return true;
                    }
                }
            } else if (value != null && matchesOne(entry, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOne(JsonNode entry, JsonNode value) {
        if (entry.has("prefix")) {
            return value.isTextual() && value.asText().startsWith(entry.get("prefix").asText());
        }
        if (entry.isNumber() && value.isNumber()) {
            return entry.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return entry.getNodeType() == value.getNodeType() && entry.equals(value);
    }
}
