package org.redgrid.kernel.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.redgrid.kernel.problem.ProblemException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque paging cursors: DynamoDB's LastEvaluatedKey as base64url JSON. A cursor is bound to the partition
 * it was issued for; one for another partition (a tampered or stale cursor) is refused as 400 BAD_CURSOR.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private Cursors() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((k, v) -> plain.put(k, v.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
        } catch (Exception e) {
            throw new IllegalStateException("cursor not encodable", e);
        }
    }

    /**
     * @param partitionAttribute the key attribute the query pins, e.g. "gsi2pk"
     * @param partition          its value in this query; the cursor must carry the same
     */
    public static Map<String, AttributeValue> decode(String cursor, String partitionAttribute, String partition) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Map<String, String> plain;
        try {
            plain = JSON.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)), MAP);
        } catch (Exception e) {
            throw bad();
        }
        if (!partition.equals(plain.get(partitionAttribute)) || plain.values().stream().anyMatch(v -> v == null)) {
            throw bad();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
        return key;
    }

    private static ProblemException bad() {
        return ProblemException.invalidField("cursor", "BAD_CURSOR", "分页游标无效或已过期，请从第一页重新查询");
    }
}
