package org.redgrid.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 10 item 6: the OpenAPI document states the bearer JWT on every operation, as API Gateway enforces it. */
@QuarkusTest
class OpenApiSecurityTest {

    @Test
    void everyOperationRequiresTheBearerTokenAndDocumentsItsRefusals() {
        JsonPath doc = new JsonPath(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        assertEquals("http", doc.getString("components.securitySchemes.SecurityScheme.type"));
        assertEquals("bearer", doc.getString("components.securitySchemes.SecurityScheme.scheme"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                assertEquals(List.of(Map.of("SecurityScheme", List.of())), op.getValue().get("security"), where);
                Map<?, ?> responses = (Map<?, ?>) op.getValue().get("responses");
                assertTrue(responses.containsKey("401") && responses.containsKey("403"), where);
                operations++;
            }
        }
        assertTrue(operations >= 20, "operations found: " + operations);
    }
}
