package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 10 item 7, the gateway's own answers, spoken in raw HTTP/1.1 as a client would send them: request targets the
 * JDK server cannot parse and bodies over API Gateway's 10 MB limit get problem+json, never an HTML page; a request
 * sent with {@code Expect: 100-continue} (curl does so above 1 MB) reaches the function and is answered.
 */
class LocalGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private LocalGateway gateway;
    private LocalIssuer issuer;

    @BeforeEach
    void start() throws Exception {
        issuer = new LocalIssuer(state.resolve("issuer.jwk"), "http://localhost/local");
        gateway = new LocalGateway(0, SamTemplate.fromCheckout(), Map.of(), issuer, new DemoAccounts(), null);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void unparsableTargetsAreAProblemNotAnHtmlPage() throws Exception {
        for (String target : List.of("/directory/people/名字", "/directory\\people", "/directory/people?under=社区", "/a b")) {
            Raw reply = send(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(400, reply.status(), target + " → " + reply);
            assertEquals("application/problem+json", reply.header("content-type"), target + " → " + reply);
            assertEquals("BAD_REQUEST_TARGET", JSON.readTree(reply.body()).path("code").asText(), reply::toString);
        }
        Raw nul = send("GET /directory/scope HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0000b\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(400, "BAD_HEADER", nul);
        Raw fine = send("GET /local/.well-known/jwks.json HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, fine.status(), fine::toString);
        assertTrue(JSON.readTree(fine.body()).path("keys").isArray(), fine::toString);
    }

    @Test
    void aBodyDeclaredOverTenMegabytesIs413() throws Exception {
        String token = issuer.idToken("district.admin", List.of("district-admin@D01"));
        Raw declared = send(("POST /directory/people HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + token + "\r\nContent-Length: " + (LocalGateway.MAX_BODY_BYTES + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertProblem(413, "PAYLOAD_TOO_LARGE", declared);

    }

    @Test
    void aRequestExpecting100ContinueIsAnsweredByTheFunction() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (LocalRedGrid local = LocalRedGrid.start(new LocalRedGrid.Options(port, state.resolve("runtime"), true,
                SamTemplate.locate().getParent()))) {
            String token = new LocalIssuer(state.resolve("runtime/issuer.jwk"), "http://localhost:" + port + "/local")
                    .idToken("district.admin", List.of("district-admin@D01"));
            byte[] body = ("{\"name\":\"" + "长".repeat(40) + "\",\"phone\":\"13812345678\",\"homeNodeCode\":\"G0101\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String head = "POST /directory/people HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                    + token + "\r\nExpect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n";
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                InputStream in = socket.getInputStream();
                assertTrue(readHead(in).startsWith("HTTP/1.1 100"), "the gateway invites the body");
                socket.getOutputStream().write(body);
                String reply = readHead(in);
                assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
                int length = Integer.parseInt(reply.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
                JsonNode problem = JSON.readTree(in.readNBytes(length));
                assertEquals("name", problem.path("errors").path(0).path("field").asText(), problem::toString);
            }
        }
    }

    private static void assertProblem(int status, String code, Raw reply) throws Exception {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"), reply::toString);
        JsonNode body = JSON.readTree(reply.body());
        assertEquals(code, body.path("code").asText(), reply::toString);
    }

    record Raw(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One request on its own connection; the reply is read until the server closes it. */
    private Raw send(byte[] request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (java.io.IOException e) {
                    // The gateway may answer and close before taking a body it refuses.
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            writer.join();
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
