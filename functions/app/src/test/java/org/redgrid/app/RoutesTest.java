package org.redgrid.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.template.SamTemplate;

import org.redgrid.testkit.LocalDynamoDbResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the function serves and what template.yaml routes to it are the same set: an endpoint without a route
 * would be unreachable in the cloud, a route without an endpoint a 404 behind a green deploy.
 */
@QuarkusTest
@QuarkusTestResource(LocalDynamoDbResource.class)
class RoutesTest {

    @Test
    void openApiOperationsMatchTheTemplateRoutes() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> served = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> served.add(method.toUpperCase() + " " + path)));
        Set<String> routed = SamTemplate.fromCheckout().routes().stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routed, served);
    }
}
