package org.redgrid.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS Lambda Runtime API (2018-06-01) for one function, on a loopback port: the Runtime Interface Client in the
 * function process long-polls {@code /invocation/next} and posts each result back, exactly as on Lambda.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";

    private record Invocation(String id, String event, CompletableFuture<String> result) {
    }

    private final HttpServer server;
    private final String functionArn;
    private final LinkedBlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    RuntimeApi(String functionName) throws IOException {
        this.functionArn = "arn:aws:lambda:cn-north-1:000000000000:function:" + functionName;
        server = LoopbackServer.create(0, 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + functionName);
            t.setDaemon(true);
            return t;
        }));
        server.createContext(BASE, this::handle);
        server.start();
    }

    /** host:port for AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Hands {@code event} to the function and waits for its response. */
    String invoke(String event, long timeoutMillis) throws TimeoutException, InvocationFailed {
        if (initError.isDone()) {
            throw new InvocationFailed("function failed to initialise: " + initError.join());
        }
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        pending.add(invocation);
        try {
            return CompletableFuture.anyOf(invocation.result(), initError.thenApply(e -> {
                throw new IllegalStateException("function failed to initialise: " + e);
            })).thenApply(String.class::cast).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new InvocationFailed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvocationFailed("interrupted");
        } finally {
            pending.remove(invocation);
            running.remove(invocation.id());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        try (exchange) {
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path, false);
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path, true);
            } else if (path.equals("init/error")) {
                initError.complete(body(exchange));
                reply(exchange, 202, "{}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        running.put(invocation.id(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + invocation.id().replace("-", "").substring(0, 24));
        headers.add("Content-Type", "application/json");
        reply(exchange, 200, invocation.event());
    }

    private void complete(HttpExchange exchange, String path, boolean failed) throws IOException {
        String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
        String body = body(exchange);
        Invocation invocation = running.remove(id);
        if (invocation != null) {
            if (failed) {
                invocation.result().completeExceptionally(new InvocationFailed(body));
            } else {
                invocation.result().complete(body);
            }
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** The function reported an error for an invocation, or never initialised. */
    static final class InvocationFailed extends Exception {
        InvocationFailed(String message) {
            super(message);
        }
    }
}
