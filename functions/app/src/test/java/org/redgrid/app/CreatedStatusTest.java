package org.redgrid.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A route that creates answers 201 (the kernel's {@code Created}, or a presigned upload), but smallrye-open-api reads
 * a {@code RestResponse<T>} as 200: the OpenAPI document, and so the console's generated types and the fuzzer, must
 * say 201 with T's schema for every such route, and no 200.
 */
@QuarkusTest
class CreatedStatusTest {

    @Test
    void everyRouteThatAnswersARestResponseDocuments201WithItsSchema() {
        JsonPath doc = new JsonPath(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Set<Class<?>> resources = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass).filter(c -> c.isAnnotationPresent(Path.class)).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Class<?> resource : resources) {
            for (Method m : resource.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getReturnType() != RestResponse.class
                        || ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0] == Void.class) {
                    continue;
                }
                String route = route(resource, m);
                String verb = verb(m);
                Map<?, ?> responses = (Map<?, ?>) paths.getOrDefault(route, Map.of()).getOrDefault(verb, Map.of()).get("responses");
                checked.add(verb + " " + route);
                if (responses == null || !responses.containsKey("201") || responses.containsKey("200")
                        || ((Map<?, ?>) responses.get("201")).get("content") == null) {
                    wrong.add(verb + " " + route + " " + (responses == null ? "undocumented" : responses.keySet()));
                }
            }
        }
        assertTrue(checked.size() >= 20, "routes answering a RestResponse: " + checked);
        assertEquals(List.of(), wrong);
    }

    private static String route(Class<?> resource, Method m) {
        String base = resource.getAnnotation(Path.class).value();
        Path own = m.getAnnotation(Path.class);
        String path = own == null ? base : (base + "/" + own.value()).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String verb(Method m) {
        return java.util.Arrays.stream(m.getAnnotations()).map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow().value().toLowerCase();
    }
}
