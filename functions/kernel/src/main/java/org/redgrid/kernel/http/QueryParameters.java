package org.redgrid.kernel.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.redgrid.kernel.problem.ProblemException;

/**
 * Query and path parameters of enum and integer types. JAX-RS answers a value it cannot convert with 404, which
 * tells the caller nothing; these converters refuse it as 400 VALIDATION_FAILED naming the parameter and, for an
 * enum, the values it takes.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(rawType, name);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new IntConverter(name);
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String name) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
            throw ProblemException.invalidField(name, "INVALID_VALUE", "取值无效，可选值：" + allowed);
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    private record IntConverter(String name) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField(name, "INVALID_VALUE", "须为整数");
            }
        }

        @Override
        public String toString(Integer value) {
            return value == null ? null : value.toString();
        }
    }
}
