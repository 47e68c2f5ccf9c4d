package org.redgrid.kernel.security;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * Who is calling, resolved once per request from {@code requestContext.authorizer.jwt.claims} of the API Gateway
 * HTTP API event. The gateway (or the local gateway) has verified the token; no token means no authorizer block.
 */
@RequestScoped
public class CallerContext {

    @Inject
    Instance<APIGatewayV2HTTPEvent> event;

    @ConfigProperty(name = "redgrid.auth.role-claim", defaultValue = "cognito:groups")
    String roleClaim;

    private Optional<Caller> caller;

    public Optional<Caller> caller() {
        if (caller == null) {
            caller = Caller.fromClaims(claims(), roleClaim);
        }
        return caller;
    }

    /** The API Gateway request id, for audit records; a local one outside Lambda. */
    public String requestId() {
        APIGatewayV2HTTPEvent e = currentEvent();
        return e != null && e.getRequestContext() != null && e.getRequestContext().getRequestId() != null
                ? e.getRequestContext().getRequestId()
                : "local";
    }

    private Map<String, String> claims() {
        APIGatewayV2HTTPEvent e = currentEvent();
        if (e == null || e.getRequestContext() == null || e.getRequestContext().getAuthorizer() == null
                || e.getRequestContext().getAuthorizer().getJwt() == null) {
            return null;
        }
        return e.getRequestContext().getAuthorizer().getJwt().getClaims();
    }

    private APIGatewayV2HTTPEvent currentEvent() {
        return event.isResolvable() ? event.get() : null;
    }
}
