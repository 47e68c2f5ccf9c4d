package org.redgrid.kernel.dynamo;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * Idempotent writes (幂等写入): a request that carries a source key — the {@code Idempotency-Key} header of a POST —
 * changes the data at most once. The first request writes an idempotency record (keyed by the source key, the
 * operation and the caller) in the same transaction as its change, with the id of what it created; a repeat answers
 * with that first result, also while the two race. A repeat with another body is refused (422), as AWS Lambda
 * Powertools' idempotency utility refuses a payload that no longer matches its key. Records expire after 24 hours.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    @Inject
    Guard guard;

    /** A source key as the caller sent it, bound to one operation, one caller and one request body. */
    public record Key(String recordKey, String fingerprint) {
    }

    /**
     * @param header    the Idempotency-Key header, or null (the write is then simply done)
     * @param operation e.g. "POST /directory/people"
     * @param request   the request body, whose content a repeat must match
     */
    public Key key(String header, String operation, Object request) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > 255 || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalidField(HEADER, "INVALID_IDEMPOTENCY_KEY", "幂等键须为 1–255 个可见 ASCII 字符");
        }
        String fingerprint;
        try {
            fingerprint = sha256(JSON.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request not serializable", e);
        }
        return new Key("IDEMPOTENCY#" + sha256(operation + "\n" + guard.caller().username() + "\n" + header), fingerprint);
    }

    /**
     * Does {@code write} once per key. {@code write} adds the change to the transaction and returns what it created,
     * whose id {@code idOf} gives; a repeat answers with {@code read} of the id stored by the first request.
     */
    public <T> T once(SingleTable table, Key key, Function<Transaction, T> write, Function<T, String> idOf,
            Function<String, T> read) {
        if (key == null) {
            Transaction tx = new Transaction();
            T created = write.apply(tx);
            table.commit(tx);
            return created;
        }
        Optional<String> earlier = earlier(table, key);
        if (earlier.isPresent()) {
            return read.apply(earlier.get());
        }
        Transaction tx = new Transaction();
        T created = write.apply(tx);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(key.recordKey(), "IDEMPOTENCY"));
        item.put("fingerprint", s(key.fingerprint()));
        item.put("resultId", s(idOf.apply(created)));
        item.put("createdAt", s(now.toString()));
        item.put(SingleTable.EXPIRES_AT, Attr.n(now.plus(KEPT).getEpochSecond()));
        tx.put(Put.builder().tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond()))).build(), Repeated::new);
        try {
            table.commit(tx);
            return created;
        } catch (Repeated lostTheRace) {
            return read.apply(earlier(table, key).orElseThrow(() -> ProblemException.conflict("CONCURRENT_CHANGE",
                    "相同请求正在处理，请稍后重试")));
        }
    }

    private Optional<String> earlier(SingleTable table, Key key) {
        long now = clock.instant().getEpochSecond();
        return table.get(key.recordKey(), "IDEMPOTENCY", true)
                .filter(item -> Attr.num(item, SingleTable.EXPIRES_AT) >= now)
                .map(item -> {
                    if (!key.fingerprint().equals(Attr.str(item, "fingerprint"))) {
                        throw new ProblemException(422, "IDEMPOTENCY_KEY_REUSED", "幂等键已被使用",
                                "该幂等键已用于另一份内容不同的请求，请为新的提交生成新的幂等键");
                    }
                    return Attr.str(item, "resultId");
                });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The idempotency record appeared between the first look and the commit: another copy of the request won. */
    private static final class Repeated extends ProblemException {
        Repeated() {
            super(409, "CONCURRENT_CHANGE", "操作冲突", "相同请求正在处理");
        }
    }
}
