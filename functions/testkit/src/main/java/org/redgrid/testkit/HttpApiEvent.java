package org.redgrid.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one builder of API Gateway HTTP API (payload format 2.0) events, used by the tests' {@link Gateway}, the local
 * gateway (infra/local) and the bench (infra/bench). It starts from AWS's own sample event (resource
 * aws-events/http-api-v2.template.json, copied with its LICENSE and SOURCE.txt) and sets what API Gateway sets
 * for one request: route, raw path and query (and the decoded, comma-joined parameters), lower-cased headers,
 * cookies, path parameters, the JWT authorizer's claims (already flattened to strings), the body base64-encoded.
 */
public final class HttpApiEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "/aws-events/http-api-v2.template.json";
    private static final JsonNode TEMPLATE = load();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private String routeKey = "$default";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private Map<String, String> claims;
    private byte[] body = new byte[0];
    private String sourceIp = "127.0.0.1";
    private String protocol = "HTTP/1.1";
    private String domainName = "localhost";

    private HttpApiEvent(String method, String rawPath, String rawQuery) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.rawPath = rawPath;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** A request for {@code rawPathAndQuery}, e.g. "/directory/people?under=C01". */
    public static HttpApiEvent request(String method, String rawPathAndQuery) {
        int q = rawPathAndQuery.indexOf('?');
        return q < 0 ? new HttpApiEvent(method, rawPathAndQuery, "")
                : new HttpApiEvent(method, rawPathAndQuery.substring(0, q), rawPathAndQuery.substring(q + 1));
    }

    public HttpApiEvent routeKey(String routeKey) {
        this.routeKey = routeKey;
        return this;
    }

    /** A header; API Gateway lower-cases names and joins repeated values with commas. */
    public HttpApiEvent header(String name, String value) {
        headers.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b);
        return this;
    }

    public HttpApiEvent cookie(String cookie) {
        cookies.add(cookie);
        return this;
    }

    public HttpApiEvent pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    /** The verified token's claims as the JWT authorizer hands them on (strings); null for no authorizer block. */
    public HttpApiEvent claims(Map<String, String> claims) {
        this.claims = claims;
        return this;
    }

    public HttpApiEvent body(byte[] body) {
        this.body = body == null ? new byte[0] : body;
        return this;
    }

    public HttpApiEvent body(String body) {
        return body(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public HttpApiEvent client(String sourceIp, String protocol) {
        this.sourceIp = sourceIp;
        this.protocol = protocol;
        return this;
    }

    public HttpApiEvent domainName(String domainName) {
        this.domainName = domainName;
        return this;
    }

    public ObjectNode toJson() {
        ObjectNode e = TEMPLATE.deepCopy();
        e.put("routeKey", routeKey);
        e.put("rawPath", rawPath);
        e.put("rawQueryString", rawQuery);
        e.remove(List.of("cookies", "queryStringParameters", "pathParameters", "stageVariables", "body"));
        ObjectNode h = e.putObject("headers");
        headers.forEach(h::put);
        if (!cookies.isEmpty()) {
            cookies.forEach(e.putArray("cookies")::add);
        }
        if (!rawQuery.isEmpty()) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
            }
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach((k, v) -> q.put(k, String.join(",", v)));
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            pathParameters.forEach(p::put);
        }
        ObjectNode ctx = (ObjectNode) e.get("requestContext");
        ctx.remove("authentication");
        ctx.put("accountId", "123456789012");
        ctx.put("domainName", domainName);
        ctx.put("domainPrefix", domainName.split("\\.")[0]);
        ((ObjectNode) ctx.get("http")).put("method", method).put("path", rawPath).put("protocol", protocol)
                .put("sourceIp", sourceIp).put("userAgent", headers.getOrDefault("user-agent", ""));
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", routeKey);
        ctx.put("stage", "$default");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ctx.put("time", REQUEST_TIME.format(now));
        ctx.put("timeEpoch", now.toInstant().toEpochMilli());
        if (claims == null) {
            ctx.remove("authorizer");
        } else {
            ObjectNode jwt = (ObjectNode) ctx.get("authorizer").get("jwt");
            ObjectNode c = jwt.putObject("claims");
            claims.forEach(c::put);
            jwt.putNull("scopes");
        }
        e.put("isBase64Encoded", body.length > 0);
        if (body.length > 0) {
            e.put("body", Base64.getEncoder().encodeToString(body));
        }
        return e;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode load() {
        try (InputStream in = HttpApiEvent.class.getResourceAsStream(SAMPLE)) {
            return JSON.readTree(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("AWS sample event not found at " + SAMPLE, e);
        }
    }
}
