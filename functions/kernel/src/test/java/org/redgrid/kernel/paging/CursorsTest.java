package org.redgrid.kernel.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Cursors signed with the configured key: they round-trip for their query only, and age out after a day. */
class CursorsTest {

    private static final String KEY = "test-cursor-key";
    private static final String QUERY = "ByPath|PEOPLE#D01|/D01/S01/";
    private static final Map<String, AttributeValue> START = Map.of("pk", AttributeValue.fromS("PERSON#1"),
            "gsi2pk", AttributeValue.fromS("PEOPLE#D01"));

    @BeforeAll
    static void configure() {
        System.setProperty("redgrid.paging.cursor-key", KEY);
    }

    @Test
    void aCursorRoundTripsForItsOwnQueryOnly() {
        String cursor = Cursors.encode(START, QUERY);
        assertEquals(START, Cursors.decode(cursor, QUERY));
        assertBad(() -> Cursors.decode(cursor, "ByPath|PEOPLE#D01|/D01/S02/"));
        assertNull(Cursors.encode(Map.of(), QUERY), "the last page has no cursor");
        assertNull(Cursors.decode(null, QUERY), "no cursor: the first page");
    }

    @Test
    void aCursorOlderThanItsLifetimeIsStale() throws Exception {
        long issued = Instant.now().minus(Cursors.LIFETIME).minusSeconds(60).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"k\":{\"pk\":\"PERSON#1\"},\"t\":" + issued + "}").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((QUERY + "\n" + payload).getBytes(StandardCharsets.UTF_8)));
        assertBad(() -> Cursors.decode(payload + "." + signature, QUERY));
    }

    private static void assertBad(org.junit.jupiter.api.function.Executable decode) {
        ProblemException e = assertThrows(ProblemException.class, decode);
        assertEquals("BAD_CURSOR", e.errors().get(0).code());
    }
}
