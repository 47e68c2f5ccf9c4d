package org.redgrid.kernel.dynamo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small, explicit conversions between Java values and DynamoDB attribute values (no reflection: native-friendly). */
public final class Attr {

    private Attr() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A string set; DynamoDB refuses empty sets, so callers leave the attribute out instead. */
    public static AttributeValue ss(Collection<String> values) {
        return AttributeValue.fromSs(List.copyOf(values));
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    public static Set<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasSs() ? Set.of() : Set.copyOf(v.ss());
    }

    /** Puts {@code value} under {@code name} unless it is null (DynamoDB has no use for null attributes). */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
