package org.redgrid.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document names a schema after the class's simple name, and of two classes with the same name one
 * silently replaces the other (smallrye-open-api#897): the console's generated types and the fuzzer would then read one
 * domain's record as another's. Every type reachable from an endpoint must have a schema name of its own.
 */
@QuarkusTest
class SchemaNamesTest {

    @Test
    void everyTypeAnEndpointTakesOrReturnsHasItsOwnSchemaName() {
        Set<Class<?>> resources = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass).filter(c -> c.isAnnotationPresent(Path.class)).collect(Collectors.toSet());
        assertTrue(resources.size() >= 10, "resources found: " + resources);
        Deque<Type> todo = new ArrayDeque<>();
        for (Class<?> resource : resources) {
            for (Method m : resource.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    todo.add(m.getGenericReturnType());
                    todo.addAll(java.util.List.of(m.getGenericParameterTypes()));
                }
            }
        }
        Set<Class<?>> seen = new HashSet<>();
        Map<String, Set<String>> byName = new TreeMap<>();
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType p) {
                todo.add(p.getRawType());
                todo.addAll(java.util.List.of(p.getActualTypeArguments()));
            } else if (type instanceof GenericArrayType a) {
                todo.add(a.getGenericComponentType());
            } else if (type instanceof Class<?> c) {
                if (c.isArray()) {
                    todo.add(c.getComponentType());
                } else if (c.getName().startsWith("org.redgrid.") && seen.add(c)) {
                    Schema schema = c.getAnnotation(Schema.class);
                    String name = schema != null && !schema.name().isEmpty() ? schema.name() : c.getSimpleName();
                    byName.computeIfAbsent(name, n -> new TreeSet<>()).add(c.getName());
                    if (c.isRecord()) {
                        for (RecordComponent rc : c.getRecordComponents()) {
                            todo.add(rc.getGenericType());
                        }
                    } else if (!c.isEnum()) {
                        for (Field f : c.getDeclaredFields()) {
                            if (!Modifier.isStatic(f.getModifiers())) {
                                todo.add(f.getGenericType());
                            }
                        }
                    }
                }
            }
        }
        Map<String, Set<String>> clashes = new TreeMap<>(byName);
        clashes.values().removeIf(classes -> classes.size() == 1);
        assertEquals(Map.of(), clashes, "schema names shared by different classes");
        assertTrue(byName.size() > 50, "schemas found: " + byName.keySet());
    }
}
