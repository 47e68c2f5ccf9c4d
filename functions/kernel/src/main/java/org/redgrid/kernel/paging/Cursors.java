package org.redgrid.kernel.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;
import org.redgrid.kernel.problem.ProblemException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque paging cursors (分页游标): DynamoDB's LastEvaluatedKey and the time it was issued, as base64url JSON,
 * followed by an HMAC-SHA256 over that text and the query it came from. A cursor that was altered, issued for
 * another query (another index, partition, path or filter), signed with another key, or older than a day is
 * refused as 400 BAD_CURSOR before it reaches DynamoDB.
 *
 * <p>The key is {@code redgrid.paging.cursor-key} (REDGRID_CURSOR_KEY, from the stack's secret in the cloud). Without
 * it a random key per process is used: cursors then stop working when the process restarts, never the reverse.
 */
public final class Cursors {

    static final Duration LIFETIME = Duration.ofDays(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static volatile SecretKeySpec key;

    private Cursors() {
    }

    /**
     * @param query what the page was read with, e.g. "ByPath|PEOPLE#S01|S01/C01/": a cursor only continues that query
     */
    public static String encode(Map<String, AttributeValue> lastEvaluatedKey, String query) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((k, v) -> plain.put(k, v.s()));
        try {
            String payload = B64.encodeToString(JSON.writeValueAsBytes(Map.of("k", plain, "t", Instant.now().getEpochSecond())));
            return payload + "." + B64.encodeToString(mac(query, payload));
        } catch (Exception e) {
            throw new IllegalStateException("cursor not encodable", e);
        }
    }

    /** The start key of the next page of {@code query}, or null for the first page. */
    public static Map<String, AttributeValue> decode(String cursor, String query) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        int dot = cursor.indexOf('.');
        if (dot < 0) {
            throw bad();
        }
        String payload = cursor.substring(0, dot);
        byte[] given;
        Map<String, Object> plain;
        try {
            given = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(query, payload))) {
                throw bad();
            }
            plain = JSON.readValue(Base64.getUrlDecoder().decode(payload), MAP);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw bad();
        }
        if (!(plain.get("t") instanceof Number issued)
                || Instant.ofEpochSecond(issued.longValue()).plus(LIFETIME).isBefore(Instant.now())
                || !(plain.get("k") instanceof Map<?, ?> start) || start.isEmpty()) {
            throw bad();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : start.entrySet()) {
            if (!(e.getValue() instanceof String value)) {
                throw bad();
            }
            key.put(String.valueOf(e.getKey()), AttributeValue.fromS(value));
        }
        return key;
    }

    private static byte[] mac(String query, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal((query + "\n" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Read at first use, not at class initialisation: a native image must not bake a key in. */
    private static SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("redgrid.paging.cursor-key", String.class)
                    .filter(s -> !s.isBlank());
            byte[] bytes = configured.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                return random;
            });
            k = key = new SecretKeySpec(bytes, "HmacSHA256");
        }
        return k;
    }

    private static ProblemException bad() {
        return ProblemException.invalidField("cursor", "BAD_CURSOR", "分页游标无效或已过期，请从第一页重新查询");
    }
}
