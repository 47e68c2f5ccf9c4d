package org.redgrid.infra.dynamodb.conformance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short spellings of DynamoDB attribute values, so each test reads like the item it stores. */
final class Items {

    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    static AttributeValue ns(long... values) {
        return AttributeValue.fromNs(Arrays.stream(values).mapToObj(Long::toString).toList());
    }

    static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    /** An item (or key, or expression values) from alternating names and values, in that order. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    static AttributeValue m(Object... namesAndValues) {
        return AttributeValue.fromM(item(namesAndValues));
    }

    /** The key of the suite's usual {@code pk}/{@code sk} tables. */
    static Map<String, AttributeValue> key(String pk, String sk) {
        return item("pk", s(pk), "sk", s(sk));
    }

    /** An item of the usual tables: its key plus the given attributes. */
    static Map<String, AttributeValue> keyed(String pk, String sk, Object... namesAndValues) {
        Map<String, AttributeValue> item = key(pk, sk);
        item.putAll(item(namesAndValues));
        return item;
    }
}
