package org.redgrid.infra.bench;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Minimal API Gateway HTTP API (payload 2.0) events for invoking a function directly. */
final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** A GET of {@code path}, with JWT-authorizer claims when given (already flattened, as API Gateway sends them). */
    static String get(String path, Map<String, String> claims) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", "$default");
        e.put("rawPath", path);
        e.put("rawQueryString", "");
        e.putObject("headers").put("accept", "*/*");
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("stage", "$default");
        ctx.put("timeEpoch", System.currentTimeMillis());
        ctx.putObject("http").put("method", "GET").put("path", path).put("protocol", "HTTP/1.1").put("sourceIp", "127.0.0.1");
        if (claims != null) {
            ObjectNode jwt = ctx.putObject("authorizer").putObject("jwt");
            claims.forEach(jwt.putObject("claims")::put);
            jwt.putNull("scopes");
        }
        e.put("isBase64Encoded", false);
        return e.toString();
    }
}
