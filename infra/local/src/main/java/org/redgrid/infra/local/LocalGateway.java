package org.redgrid.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redgrid.infra.template.SamTemplate;
import org.redgrid.testkit.HttpApiEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Does locally what API Gateway's HTTP API does in the cloud: routes each request to the function template.yaml names
 * for it, verifies the bearer token as the JWT authorizer (401 otherwise), hands the function a payload-2.0 event
 * with the claims flattened as API Gateway flattens them, and turns the function's answer back into HTTP. It also
 * serves the local login and the admin console on the same origin.
 */
final class LocalGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MILLIS = 30_000;

    /** A template route as a pattern; more literal segments win over parameters. */
    private record Route(String function, String method, String template, Pattern pattern, List<String> parameters, int literals) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<Route> routes;
    private final Map<String, FunctionProcess> functions;
    private final LocalIssuer issuer;
    private final DemoAccounts accounts;
    private final Path console;

    LocalGateway(int port, SamTemplate template, Map<String, FunctionProcess> functions, LocalIssuer issuer, DemoAccounts accounts,
            Path console) throws IOException {
        this.routes = template.routes().stream().map(LocalGateway::compile)
                .sorted(Comparator.comparingInt(Route::literals).reversed()).toList();
        this.functions = functions;
        this.issuer = issuer;
        this.accounts = accounts;
        this.console = console;
        server = LoopbackServer.create(port, 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/local/login") && method.equals("POST")) {
                login(exchange);
                return;
            }
            if (path.equals("/local/.well-known/jwks.json")) {
                send(exchange, 200, "application/json", issuer.jwks().getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            if (path.equals("/q/openapi") && !functions.isEmpty()) {
                forward(exchange, functions.values().iterator().next(), "GET /q/openapi", Map.of(), null);
                return;
            }
            for (Route route : routes) {
                Matcher m = route.pattern().matcher(path);
                if (route.method().equals(method) && m.matches()) {
                    Map<String, String> parameters = new LinkedHashMap<>();
                    route.parameters().forEach(p -> parameters.put(p, decode(m.group(p))));
                    Optional<Map<String, Object>> claims = bearer(exchange).flatMap(issuer::verify);
                    if (claims.isEmpty()) {
                        sendJson(exchange, 401, "{\"message\":\"Unauthorized\"}");
                        return;
                    }
                    forward(exchange, functions.get(route.function()), route.method() + " " + route.template(), parameters, claims.get());
                    return;
                }
            }
            if (method.equals("GET") && console != null && serveConsole(exchange, path)) {
                return;
            }
            sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
        } catch (RuntimeException e) {
            sendJson(exchange, 502, "{\"message\":\"Internal Server Error\"}");
        }
    }

    private void forward(HttpExchange exchange, FunctionProcess function, String routeKey, Map<String, String> parameters,
            Map<String, Object> claims) throws IOException {
        String event = event(exchange, routeKey, parameters, claims);
        String raw;
        try {
            raw = function.invoke(event, TIMEOUT_MILLIS);
        } catch (java.util.concurrent.TimeoutException e) {
            sendJson(exchange, 503, "{\"message\":\"Service Unavailable\"}");
            return;
        } catch (Exception e) {
            sendJson(exchange, 502, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        JsonNode response = JSON.readTree(raw);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
        response.path("multiValueHeaders").fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey(), values);
        });
        List<String> cookies = new ArrayList<>();
        response.path("cookies").forEach(c -> cookies.add(c.asText()));
        if (!cookies.isEmpty()) {
            headers.put("Set-Cookie", cookies);
        }
        String body = response.path("body").isTextual() ? response.path("body").asText() : "";
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("content-length") || h.equalsIgnoreCase("transfer-encoding"));
        String type = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("content-type"));
        send(exchange, response.path("statusCode").asInt(200), type, bytes, headers);
    }

    /** A payload format 2.0 event, built by the test kit's builder from AWS's sample, as API Gateway would send it. */
    private String event(HttpExchange exchange, String routeKey, Map<String, String> parameters, Map<String, Object> claims)
            throws IOException {
        HttpApiEvent e = HttpApiEvent.request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + Optional.ofNullable(exchange.getRequestURI().getRawQuery()).map(q -> "?" + q).orElse("")).routeKey(routeKey);
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(v -> List.of(v.split(";\\s*")).forEach(e::cookie));
            } else {
                values.forEach(v -> e.header(name, v));
            }
        });
        parameters.forEach(e::pathParameter);
        if (claims != null) {
            Map<String, String> flat = new LinkedHashMap<>();
            claims.forEach((name, value) -> flatten(value).ifPresent(v -> flat.put(name, v)));
            e.claims(flat);
        }
        e.client(exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
        try (InputStream in = exchange.getRequestBody()) {
            e.body(in.readAllBytes());
        }
        return e.toJson().toString();
    }

    /**
     * How API Gateway hands a claim to the function: strings as they are, numbers and booleans as their text, arrays as
     * "[a b]" (no quotes, single spaces), objects as JSON text, nulls left out.
     */
    static Optional<String> flatten(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return Optional.of("[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]");
        }
        if (value instanceof java.util.Date date) {
            return Optional.of(Long.toString(date.toInstant().getEpochSecond()));
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return Optional.of(JSON.writeValueAsString(map));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(String.valueOf(value));
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = JSON.readTree(in);
        } catch (IOException e) {
            sendJson(exchange, 400, "{\"message\":\"Bad Request\"}");
            return;
        }
        String username = request == null ? "" : request.path("username").asText();
        Optional<DemoAccounts.Account> account = accounts.check(username, request == null ? "" : request.path("password").asText());
        if (account.isEmpty()) {
            sendJson(exchange, 401, "{\"message\":\"用户名或密码错误\"}");
            return;
        }
        ObjectNode tokens = JSON.createObjectNode();
        tokens.put("idToken", issuer.idToken(username, account.get().groups()));
        tokens.put("accessToken", issuer.accessToken(username, account.get().groups()));
        tokens.put("expiresIn", issuer.lifetimeSeconds());
        tokens.put("tokenType", "Bearer");
        sendJson(exchange, 200, tokens.toString());
    }

    private boolean serveConsole(HttpExchange exchange, String path) throws IOException {
        Path file = console.resolve(decode(path).substring(1)).normalize();
        if (!file.startsWith(console) || Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(console) || !Files.isRegularFile(file)) {
            // Single-page app: unknown paths belong to the client-side router (the resident pages live under /m/).
            file = path.startsWith("/m/") && Files.isRegularFile(console.resolve("m/index.html")) ? console.resolve("m/index.html")
                    : console.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String type = Optional.ofNullable(Files.probeContentType(file)).orElse(contentType(file.getFileName().toString()));
        send(exchange, 200, type, Files.readAllBytes(file), Map.of());
        return true;
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        } else if (lower.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (lower.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (lower.endsWith(".json")) {
            return "application/json";
        } else if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(header.substring(7).trim()) : Optional.empty();
    }

    private static Route compile(SamTemplate.Route r) {
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String segment : r.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                String name = segment.substring(1, segment.length() - 2);
                parameters.add(name);
                regex.append("(?<").append(name).append(">.+)");
            } else if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                parameters.add(name);
                regex.append("(?<").append(name).append(">[^/]+)");
            } else {
                literals++;
                regex.append(Pattern.quote(segment));
            }
        }
        return new Route(r.function(), r.method(), r.path(), Pattern.compile(regex.toString()), parameters, literals);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, Map<String, List<String>> headers)
            throws IOException {
        headers.forEach((k, v) -> v.forEach(value -> exchange.getResponseHeaders().add(k, value)));
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
