package org.redgrid.kernel.problem;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * Every failure leaves as problem+json: refusals with their own status and code, malformed input as 400,
 * and only genuine server faults as 500 (logged, with no internals in the body).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), constraintCode(v), v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return problem(ProblemException.invalid(errors), uri);
    }

    /** Listed by name too: Quarkus ships its own mapper for MismatchedInputException, and ours must win. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        ProblemException p = field.isEmpty()
                ? ProblemException.badRequest("MALFORMED_JSON", "请求体不是合法的 JSON")
                : ProblemException.invalidField(field, "INVALID_VALUE", "字段值的类型或格式不正确");
        return problem(p, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        // A parameter converter's refusal (QueryParameters), which JAX-RS wraps in a 404.
        if (e.getCause() instanceof ProblemException refusal) {
            return problem(refusal, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemException p;
        if (e instanceof NotFoundException) {
            p = ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
        } else if (e instanceof NotAllowedException) {
            p = new ProblemException(405, "METHOD_NOT_ALLOWED", "请求方法不支持", "该地址不支持此请求方法");
        } else if (e instanceof NotSupportedException) {
            p = new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "请求格式不支持", "请以 application/json 提交");
        } else if (status >= 500) {
            return fault(e, uri);
        } else {
            p = new ProblemException(status, "BAD_REQUEST", "请求有误", "请求无法处理，请检查参数");
        }
        return problem(p, uri);
    }

    @ServerExceptionMapper({ ProvisionedThroughputExceededException.class, RequestLimitExceededException.class })
    public Response throttled(RuntimeException e, UriInfo uri) {
        LOG.warnf("DynamoDB throttled %s: %s", uri.getPath(), e.getMessage());
        return problem(new ProblemException(503, "BUSY", "系统繁忙", "请求过多，请稍后重试"), uri);
    }

    @ServerExceptionMapper
    public Response fault(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unhandled failure on %s", uri.getPath());
        return respond(Problem.of(new ProblemException(500, "INTERNAL", "系统内部错误", "服务暂时不可用，请稍后重试"), uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * "create.cmd.name" → "name", "list.under" → "under": a query parameter is named by itself, a body or bean
     * parameter by the property inside it; the method name says nothing to the client.
     */
    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        boolean parameterOnly = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                case PARAMETER -> {
                    names.clear();
                    names.add(node.getName());
                    parameterOnly = true;
                }
                default -> {
                    if (parameterOnly) {
                        names.clear();
                        parameterOnly = false;
                    }
                    // Hibernate Validator puts a list index on the element after the list: contacts[0].phone
                    if (node.getIndex() != null && !names.isEmpty()) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                    }
                    names.add(node.getName() == null ? "" : node.getName());
                }
            }
        }
        return String.join(".", names.stream().filter(n -> !n.isEmpty()).toList());
    }

    private static String constraintCode(ConstraintViolation<?> v) {
        String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
