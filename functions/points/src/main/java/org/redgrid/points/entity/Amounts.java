package org.redgrid.points.entity;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.redgrid.kernel.dynamo.Attr;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Points by a key (an earning year, an account) as one stored map attribute, in key order. */
final class Amounts {

    private Amounts() {
    }

    static AttributeValue toAttr(Map<String, Long> amounts) {
        return AttributeValue.fromM(amounts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> Attr.n(e.getValue()))));
    }

    static TreeMap<String, Long> of(AttributeValue value) {
        TreeMap<String, Long> amounts = new TreeMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((k, v) -> amounts.put(k, Long.parseLong(v.n())));
        }
        return amounts;
    }
}
