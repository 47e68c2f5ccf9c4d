package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local runtime end to end: the packaged function under the Runtime Interface Client, behind the local gateway,
 * on the project's DynamoDB engine persisted in a folder; real tokens from the local issuer; data that survives a restart; nothing
 * left listening afterwards. Start-up time and memory go to target/local-runtime-metrics.json, not into assertions.
 */
class LocalRedGridTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path state;

    @Test
    void runsTheFunctionBehindTheGatewayAndKeepsDataAcrossRestarts() throws Exception {
        Path checkout = SamTemplate.locate().getParent();
        int port = LocalRedGrid.freePort();
        LocalRedGrid.Options options = new LocalRedGrid.Options(port, state, false, checkout);
        List<String> metrics = new ArrayList<>();

        int dynamoPort;
        try (LocalRedGrid local = LocalRedGrid.start(options)) {
            dynamoPort = local.dynamoPort();
            assertEquals(List.of("0100007F"), listeningAddresses(dynamoPort), "the engine listens on 127.0.0.1 only");
            assertTrue(local.seeded(), "an empty store gets the demo data");
            metrics.add(String.format(Locale.ROOT, "\"start_to_first_response_ms\": %d", local.startToFirstResponse().toMillis()));
            metrics.add(String.format(Locale.ROOT, "\"rss_kb\": {\"runtime\": %d, \"functions\": %d}",
                    LocalRedGrid.residentKb(ProcessHandle.current().pid()), local.functionPids().stream().mapToLong(LocalRedGrid::residentKb).sum()));

            String admin = login(local, "community.admin");
            HttpResponse<String> children = get(local, "/directory/nodes/C01/children", admin);
            assertEquals(200, children.statusCode(), children::body);
            assertTrue(JSON.readTree(children.body()).path("items").size() >= 4);
            HttpResponse<String> scope = get(local, "/directory/scope", admin);
            assertEquals("C01", JSON.readTree(scope.body()).path(0).path("code").asText());

            HttpResponse<String> outOfScope = get(local, "/directory/nodes/C02", admin);
            assertEquals(403, outOfScope.statusCode());
            assertEquals("OUT_OF_SCOPE", JSON.readTree(outOfScope.body()).path("code").asText());

            String tampered = admin.substring(0, admin.length() - 4) + (admin.endsWith("AAAA") ? "BBBB" : "AAAA");
            assertEquals(401, get(local, "/directory/scope", tampered).statusCode());
            assertEquals(401, get(local, "/directory/scope", null).statusCode());
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(local.url() + "/local/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"community.admin\",\"password\":\"wrong\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpResponse<String> me = get(local, "/directory/me", login(local, "resident"));
            assertEquals(200, me.statusCode(), me::body);
            assertEquals("王秀英", JSON.readTree(me.body()).path("name").asText());

            // The employer-unit demo login sees its roster's registration rate (CheckinEvalDemo).
            HttpResponse<String> rate = get(local, "/checkin/employers/E01/rate", login(local, "employer.unit"));
            assertEquals(200, rate.statusCode(), rate::body);
            assertEquals(List.of(5, 3, 2), List.of(JSON.readTree(rate.body()).path("rostered").asInt(),
                    JSON.readTree(rate.body()).path("registered").asInt(), JSON.readTree(rate.body()).path("confirmed").asInt()), rate::body);
        }
        assertFree(port);
        assertFree(dynamoPort);

        try (LocalRedGrid again = LocalRedGrid.start(options)) {
            assertFalse(again.seeded(), "a restart reuses the data instead of seeding again");
            HttpResponse<String> district = get(again, "/directory/nodes/D01/subtree?level=GRID&limit=100", login(again, "district.admin"));
            assertEquals(10, JSON.readTree(district.body()).path("items").size(), district::body);
            metrics.add(String.format(Locale.ROOT, "\"restart_to_first_response_ms\": %d", again.startToFirstResponse().toMillis()));
        }
        assertFree(port);
        Path out = checkout.resolve("infra/local/target/local-runtime-metrics.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "{" + String.join(", ", metrics) + "}\n");
    }

    @Test
    void aPortInUseOrAnUnusableDataFolderIsOneClearSentence() throws Exception {
        Path checkout = SamTemplate.locate().getParent();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LocalRedGrid.StartFailure busy = org.junit.jupiter.api.Assertions.assertThrows(LocalRedGrid.StartFailure.class,
                    () -> LocalRedGrid.start(new LocalRedGrid.Options(taken.getLocalPort(), state, true, checkout)));
            assertEquals("Port " + taken.getLocalPort() + " is already in use; stop what uses it or choose another with --port.",
                    busy.getMessage());
        }
        Path data = Files.createDirectories(state.resolve("data"));
        // The engine keeps its tables in LevelDB: a CURRENT file that names no manifest is a corrupt store.
        Files.writeString(data.resolve("CURRENT"), "this names no manifest: the store is corrupt\n");
        LocalRedGrid.StartFailure corrupt = org.junit.jupiter.api.Assertions.assertThrows(LocalRedGrid.StartFailure.class,
                () -> LocalRedGrid.start(new LocalRedGrid.Options(LocalRedGrid.freePort(), state, false, checkout)));
        assertTrue(corrupt.getMessage().startsWith("The DynamoDB engine cannot use the data folder " + data), corrupt.getMessage());
        assertTrue(corrupt.getMessage().endsWith("move it away to start afresh, or run with --in-memory."), corrupt.getMessage());
    }

    private String login(LocalRedGrid local, String username) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(local.url() + "/local/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + DemoAccounts.PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        JsonNode tokens = JSON.readTree(r.body());
        return tokens.path("idToken").asText();
    }

    private HttpResponse<String> get(LocalRedGrid local, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local.url() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The local addresses (as the kernel writes them: 0100007F is 127.0.0.1, 00000000 every interface) of the sockets
     * listening on {@code port}, read from /proc rather than by connecting to another address of this machine.
     */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[3].equals("0A") && f[1].endsWith(String.format(Locale.ROOT, ":%04X", port))) {
                    out.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return out;
    }

    private static void assertFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertTrue(s.isBound());
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is still in use after shutdown", e);
        }
    }
}
