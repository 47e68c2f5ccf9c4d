package org.redgrid.testkit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Claims as API Gateway's JWT authorizer hands them to the function: every value a string, arrays flattened
 * to "[a b]" (see the test resource aws-events/NOTES.md).
 */
public final class Tokens {

    private Tokens() {
    }

    /** A Cognito ID token's claims for a user in {@code groups}. */
    public static Map<String, String> idToken(String username, String... groups) {
        Map<String, String> c = common(username, groups);
        c.put("token_use", "id");
        c.put("aud", "exampleappclientid123");
        c.put("cognito:username", username);
        c.put("email", username + "@example.org");
        c.put("email_verified", "true");
        return c;
    }

    /** A Cognito access token's claims: {@code username} instead of {@code cognito:username}, no email. */
    public static Map<String, String> accessToken(String username, String... groups) {
        Map<String, String> c = common(username, groups);
        c.put("token_use", "access");
        c.put("client_id", "exampleappclientid123");
        c.put("username", username);
        c.put("scope", "openid profile");
        return c;
    }

    private static Map<String, String> common(String username, String... groups) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sub", "sub-" + username);
        c.put("iss", "https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_EXAMPLE");
        if (groups.length > 0) {
            c.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        }
        c.put("auth_time", Long.toString(now));
        c.put("iat", Long.toString(now));
        c.put("exp", Long.toString(now + 3600));
        return c;
    }
}
