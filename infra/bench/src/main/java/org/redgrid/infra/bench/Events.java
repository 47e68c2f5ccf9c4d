package org.redgrid.infra.bench;

import java.util.Map;

import org.redgrid.testkit.HttpApiEvent;

/** API Gateway HTTP API (payload 2.0) events for invoking a function directly, from the test kit's one builder. */
final class Events {

    private Events() {
    }

    /** A GET of {@code path}, with JWT-authorizer claims when given (already flattened, as API Gateway sends them). */
    static String get(String path, Map<String, String> claims) {
        return HttpApiEvent.request("GET", path).header("accept", "*/*").claims(claims).toJson().toString();
    }
}
