package org.redgrid.testkit;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.path.json.JsonPath;

/**
 * Plays API Gateway for the tests: builds each request's HTTP API event ({@link HttpApiEvent}), with the
 * verified-token claims where the JWT authorizer puts them, and posts the raw event to the function through
 * Quarkus' Lambda event server ({@code /_lambda_}).
 */
public final class Gateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Gateway() {
    }

    /** A function's answer to one event. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public JsonPath json() {
            return new JsonPath(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        /** Units from the consumed-capacity header: [read, write]. */
        public double[] capacity() {
            String h = header("X-RedGrid-Consumed-Capacity");
            if (h == null) {
                return new double[] { 0, 0 };
            }
            Map<String, String> parts = java.util.Arrays.stream(h.split(";")).map(p -> p.split("="))
                    .collect(Collectors.toMap(p -> p[0], p -> p[1]));
            return new double[] { Double.parseDouble(parts.get("read")), Double.parseDouble(parts.get("write")) };
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static Reply get(Map<String, String> claims, String path) {
        return call(claims, "GET", path, null);
    }

    public static Reply post(Map<String, String> claims, String path, Object body) {
        return call(claims, "POST", path, body);
    }

    public static Reply call(Map<String, String> claims, String method, String pathAndQuery, Object body) {
        return call(claims, method, pathAndQuery, body, Map.of());
    }

    /** With request headers besides accept and content-type, e.g. Idempotency-Key. */
    public static Reply call(Map<String, String> claims, String method, String pathAndQuery, Object body, Map<String, String> headers) {
        ObjectNode event = event(claims, method, pathAndQuery, body);
        ObjectNode eventHeaders = (ObjectNode) event.get("headers");
        headers.forEach((name, value) -> eventHeaders.put(name.toLowerCase(), value));
        String raw = given().contentType("application/json").body(event.toString()).post("/_lambda_").then().extract().asString();
        try {
            JsonNode response = JSON.readTree(raw);
            Map<String, String> answered = new LinkedHashMap<>();
            response.path("headers").fields().forEachRemaining(e -> answered.put(e.getKey(), e.getValue().asText()));
            String text = response.path("body").isMissingNode() || response.path("body").isNull() ? "" : response.path("body").asText();
            if (response.path("isBase64Encoded").asBoolean(false)) {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            }
            return new Reply(response.path("statusCode").asInt(), answered, text);
        } catch (IOException e) {
            throw new IllegalStateException("not a Lambda response: " + raw, e);
        }
    }

    /** The event API Gateway would send for this request, with this caller's verified claims. */
    public static ObjectNode event(Map<String, String> claims, String method, String pathAndQuery, Object body) {
        return HttpApiEvent.request(method, pathAndQuery).header("accept", "application/json")
                .header("content-type", "application/json").claims(claims)
                .domainName("api.execute-api.cn-north-1.amazonaws.com.cn")
                .body(body == null ? null : body instanceof String s ? s : write(body)).toJson();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
