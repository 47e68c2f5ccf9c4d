package org.redgrid.kernel.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The authenticated caller of one request (调用者), read from the claims the API Gateway JWT authorizer verified.
 *
 * @param username stable login name: {@code cognito:username} (ID token), {@code username} (access token) or {@code sub}
 * @param grants   the roles held, each at a node of the grid tree
 */
public record Caller(String username, List<Grant> grants) {

    public boolean has(String permission) {
        return grants.stream().anyMatch(g -> g.role().allows(permission));
    }

    /** Every permission some grant carries (where it applies is each grant's node). */
    public SortedSet<String> permissions() {
        return grants.stream().flatMap(g -> g.role().permissions().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Staff work in the console; residents, and callers holding no role, on the phone pages. */
    public Role.Home home() {
        return grants.stream().anyMatch(g -> g.role().home() == Role.Home.CONSOLE) ? Role.Home.CONSOLE : Role.Home.MOBILE;
    }

    /** Whether any grant carrying {@code permission} covers the node at {@code path}. */
    public boolean covers(String permission, String path) {
        return grants.stream().anyMatch(g -> g.role().allows(permission) && g.covers(path));
    }

    /** Nodes where the caller holds a role carrying {@code permission}: the roots of what they may see or change. */
    public List<String> roots(String permission) {
        return grants.stream().filter(g -> g.role().allows(permission) && g.nodeCode() != null)
                .map(Grant::nodeCode).distinct().toList();
    }

    /**
     * Builds the caller from authorizer claims as API Gateway hands them over: every value a string, array claims
     * flattened to "[a b]". Returns empty when no subject can be found.
     *
     * @param roleClaim the claim that carries grants ({@code cognito:groups} for Cognito, configurable for OIDC)
     */
    public static Optional<Caller> fromClaims(Map<String, String> claims, String roleClaim) {
        if (claims == null) {
            return Optional.empty();
        }
        String username = firstPresent(claims, "cognito:username", "username", "sub");
        if (username == null) {
            return Optional.empty();
        }
        List<Grant> grants = new ArrayList<>();
        for (String value : splitClaim(claims.get(roleClaim))) {
            Grant.parse(value).ifPresent(grants::add);
        }
        return Optional.of(new Caller(username, List.copyOf(grants)));
    }

    /**
     * Splits a multi-valued claim: "[a b]" (API Gateway's flattening of an array), "a b" or "a,b" (plain strings
     * set by a pre-token trigger or an OIDC provider), or a JSON array text.
     */
    static List<String> splitClaim(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String s = raw.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        return Arrays.stream(s.split("[\\s,]+"))
                .map(v -> v.replace("\"", "").trim())
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static String firstPresent(Map<String, String> claims, String... names) {
        for (String name : names) {
            String v = claims.get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
