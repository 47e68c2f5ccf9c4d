package org.redgrid.directory;

import org.redgrid.infra.dynamodb.DynamoEngineResource;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.DemoDistrict;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 10 item 4: a value that does not convert is 400 naming the field, not 404; messages zh-CN unless en-US is asked. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class BadParametersTest {

    @Test
    void unconvertibleQueryAndPathValuesAre400WithTheFieldNamed() {
        DemoDistrict d = DemoDistrict.create();
        String id = d.person("张三", "13812345678", d.gridA1);
        assertInvalid(Gateway.get(d.adminA, "/directory/people?under=" + d.communityA + "&limit=abc"), "limit");
        assertInvalid(Gateway.get(d.adminA, "/directory/households?under=" + d.communityA + "&limit=1.5"), "limit");
        Gateway.Reply boss = Gateway.get(d.adminA, "/directory/people?under=" + d.communityA + "&position=BOSS");
        assertInvalid(boss, "position");
        assertTrue(boss.json().getString("errors[0].message").contains("VOLUNTEER"), boss::toString);
        assertInvalid(Gateway.call(d.adminA, "PUT", "/directory/people/" + id + "/positions/" + d.gridA1 + "/BOSS", null), "position");
        assertInvalid(Gateway.get(d.adminA, "/directory/people?under=" + d.communityA + "&limit=0"), "limit");
        assertEquals(404, Gateway.get(d.adminA, "/directory/nowhere").status(), "an unknown address stays 404");
    }

    @Test
    void aNullBodyIsRefusedInChineseOrInEnglishWhenAsked() {
        DemoDistrict d = DemoDistrict.create();
        JsonPath zh = send(d.districtAdmin, null);
        assertEquals(400, zh.getInt("status"));
        String message = zh.getString("errors[0].message");
        assertTrue(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), message);
        JsonPath en = send(d.districtAdmin, "en-US,en;q=0.9");
        assertEquals(400, en.getInt("status"));
        assertEquals("must not be null", en.getString("errors[0].message"));
    }

    private static JsonPath send(Map<String, String> claims, String acceptLanguage) {
        ObjectNode event = Gateway.event(claims, "POST", "/directory/people", "null");
        if (acceptLanguage != null) {
            ((ObjectNode) event.get("headers")).put("accept-language", acceptLanguage);
        }
        String raw = given().contentType("application/json").body(event.toString()).post("/_lambda_").then().extract().asString();
        JsonPath response = new JsonPath(raw);
        String body = response.getString("body");
        if (response.getBoolean("isBase64Encoded")) {
            body = new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
        }
        return new JsonPath(body);
    }

    private static void assertInvalid(Gateway.Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"), reply::toString);
        assertEquals(field, reply.json().getString("errors[0].field"), reply::toString);
    }
}
