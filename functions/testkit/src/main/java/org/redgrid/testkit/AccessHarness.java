package org.redgrid.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redgrid.infra.template.SamTemplate;

/**
 * Access control over one function's routes, as template.yaml lists them. A domain's test module extends it (as a
 * {@code @QuarkusTest}) with a case per route: a caller whose scope covers the target succeeds, a caller whose role
 * is held elsewhere (or lacks the permission) gets 403 problem+json, an anonymous caller 401; every write route is
 * also tried on a subject outside the caller's scope (403, nothing changed). The harness fails when a route of the
 * function has no case, so a new endpoint cannot ship untested.
 *
 * @param <F> the domain's fixture: shared targets, built once through the API
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccessHarness<F> {

    /** One route: its path and body, the caller in scope, the caller out of it (null: none can be). */
    public record Case<F>(String route, String method, Function<F, String> path, Function<F, Object> body,
            Function<F, Map<String, String>> inScope, Function<F, Map<String, String>> outOfScope, int success) {
        @Override
        public String toString() {
            return method + " " + route;
        }
    }

    /** A write tried by a caller whose scope covers the target, on a subject that lies outside it. */
    public record Cross<F>(String route, String method, Function<F, String> path, Function<F, Object> body,
            Function<F, Map<String, String>> caller) {
        @Override
        public String toString() {
            return method + " " + route;
        }
    }

    private F fixture;

    /** The function's logical id in template.yaml. */
    protected abstract String function();

    protected abstract F createFixture();

    protected abstract Stream<Case<F>> cases();

    protected abstract Stream<Cross<F>> crossCases();

    /** Callers whose scope contains the in-scope caller's, who must be able to read what it reads. */
    protected abstract List<Map<String, String>> widerScopes(F f, Case<F> c);

    /** What a refused cross-scope write must leave unchanged (e.g. the subject as an administrator reads it). */
    protected abstract String snapshot(F f);

    protected synchronized F fx() {
        if (fixture == null) {
            fixture = createFixture();
        }
        return fixture;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outOfScopeIsRefusedAndInScopeSucceeds(Case<F> c) {
        F f = fx();
        String path = c.path().apply(f);
        Object body = c.body() == null ? null : c.body().apply(f);
        if (c.outOfScope() != null) {
            Gateway.Reply refused = Gateway.call(c.outOfScope().apply(f), c.method(), path, body);
            assertEquals(403, refused.status(), () -> "out of scope: " + refused);
            assertEquals("application/problem+json", refused.header("Content-Type"));
        }
        Gateway.Reply done = Gateway.call(c.inScope().apply(f), c.method(), path, body);
        assertEquals(c.success(), done.status(), () -> "in scope: " + done);
        if (c.method().equals("GET")) {
            for (Map<String, String> above : widerScopes(f, c)) {
                Gateway.Reply wider = Gateway.call(above, c.method(), path, body);
                assertEquals(200, wider.status(), () -> "a wider scope covers the narrower one: " + wider);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anonymousGets401ThroughTheMockEventServer(Case<F> c) {
        F f = fx();
        var request = given().contentType("application/json");
        if (c.body() != null) {
            request = request.body(c.body().apply(f));
        }
        request.request(c.method(), c.path().apply(f))
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossCases")
    void aSubjectOutsideTheCallersScopeIsRefusedAndUnchanged(Cross<F> c) {
        F f = fx();
        String before = snapshot(f);
        Gateway.Reply refused = Gateway.call(c.caller().apply(f), c.method(), c.path().apply(f), c.body() == null ? null : c.body().apply(f));
        assertEquals(403, refused.status(), () -> "outside the caller's scope: " + refused);
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertEquals(before, snapshot(f), "the subject is unchanged");
    }

    @Test
    void everyRouteOfTheFunctionHasACase() {
        Set<String> routes = SamTemplate.fromCheckout().routes().stream().filter(r -> r.function().equals(function()))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        assertEquals(routes, cases().map(Case::toString).collect(Collectors.toSet()));
    }

    @Test
    void everyWriteRouteIsTriedOnASubjectOutsideTheScope() {
        Set<String> writes = cases().map(Case::toString).filter(r -> !r.startsWith("GET ")).collect(Collectors.toSet());
        assertEquals(writes, crossCases().map(Cross::toString).collect(Collectors.toSet()));
    }
}
