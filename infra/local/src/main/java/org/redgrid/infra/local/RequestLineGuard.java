package org.redgrid.infra.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local gateway's front door. The JDK HTTP server answers a request target it cannot parse as a URI (raw UTF-8,
 * a backslash) with an HTML page of its own, naming the Java exception; API Gateway never answers HTML. This relay
 * reads each request head, refuses such a target with a problem+json 400, and otherwise passes the connection
 * through to the gateway unchanged — one request per connection ({@code Connection: close}), so that every
 * request line passes here.
 */
final class RequestLineGuard implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int LINGER_MILLIS = 3_000;

    private final ServerSocket socket;
    private final int backend;
    /** Its own threads: a relay waits on the gateway, whose pool must stay free to answer it. */
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "redgrid-gateway-guard");
        t.setDaemon(true);
        return t;
    });
    private final Thread acceptor;

    RequestLineGuard(int port, int backend) throws IOException {
        this.backend = backend;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        acceptor = new Thread(this::accept, "redgrid-gateway-guard");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                executor.execute(() -> relay(client));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(60_000);
            InputStream in = new java.io.BufferedInputStream(client.getInputStream());
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            int lineEnd = text.indexOf("\r\n");
            String[] requestLine = text.substring(0, lineEnd < 0 ? text.length() : lineEnd).split(" ", -1);
            if (requestLine.length != 3 || !isParsableTarget(requestLine[1])) {
                refuse(client, in, 400, "Bad Request", LocalGateway.problem(400, "BAD_REQUEST_TARGET", "请求地址无效",
                        "请求地址含有未编码的字符，请按 URL 编码后重试"));
                return;
            }
            if (declaredLength(text) > LocalGateway.MAX_BODY_BYTES) {
                refuse(client, in, 413, "Payload Too Large", LocalGateway.problem(413, "PAYLOAD_TOO_LARGE", "请求体过大", "请求体不能超过 10 MB"));
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), backend)) {
                upstream.setTcpNoDelay(true);
                upstream.getOutputStream().write(oneRequestOnly(text).getBytes(StandardCharsets.ISO_8859_1));
                upstream.getOutputStream().flush();
                Thread up = new Thread(() -> pipe(in, upstream), "redgrid-gateway-guard-up");
                up.setDaemon(true);
                up.start();
                InputStream down = new java.io.BufferedInputStream(upstream.getInputStream());
                OutputStream out = client.getOutputStream();
                // Interim answers (100 Continue) pass as they are; the final one tells the client the connection ends.
                byte[] response;
                while ((response = readHead(down)) != null) {
                    String responseHead = new String(response, StandardCharsets.ISO_8859_1);
                    boolean interim = responseHead.startsWith("HTTP/1.1 1");
                    out.write(interim ? response : oneRequestOnly(responseHead).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (!interim) {
                        down.transferTo(out);
                        break;
                    }
                }
                // A lingering close: a client still sending a body the gateway refused reads the answer instead of a reset.
                client.shutdownOutput();
                up.join(LINGER_MILLIS);
            }
        } catch (IOException e) {
            // The client or the gateway went away: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The head up to and including the blank line, or null when the connection closes first or it is too long. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD_BYTES) {
                return null;
            }
        }
        return null;
    }

    /** What {@link java.net.URI} accepts: printable ASCII without the characters RFC 3986 leaves out. */
    static boolean isParsableTarget(String target) {
        if (target.isEmpty()) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7F || "\\\"<>^`{|}".indexOf(c) >= 0) {
                return false;
            }
        }
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The head with {@code Connection: close}: one request and one response per connection. */
    private static String oneRequestOnly(String head) {
        StringBuilder out = new StringBuilder();
        for (String line : head.substring(0, head.length() - 4).split("\r\n", -1)) {
            if (!line.regionMatches(true, 0, "connection:", 0, 11)) {
                out.append(line).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    /** The Content-Length the head declares, or -1. */
    static long declaredLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                String value = line.substring(15).strip();
                return value.matches("\\d{1,18}") ? Long.parseLong(value) : -1;
            }
        }
        return -1;
    }

    /** Answers the relay's own refusal and lingers, reading what the client still sends, so it sees the answer. */
    private static void refuse(Socket client, InputStream in, int status, String reason, byte[] body) throws IOException {
        OutputStream out = client.getOutputStream();
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/problem+json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        client.shutdownOutput();
        client.setSoTimeout(LINGER_MILLIS);
        try {
            while (in.skip(Long.MAX_VALUE) > 0 || in.read() >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // Linger time over, or the client closed.
        }
    }

    /** Client to gateway; once the gateway stops taking bytes, the rest is read and dropped until the client is done. */
    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                from.skip(Long.MAX_VALUE);
                while (from.read() >= 0) {
                    from.skip(Long.MAX_VALUE);
                }
            } catch (IOException closed) {
                // The client is gone, or the linger time is over.
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        executor.shutdownNow();
    }
}
