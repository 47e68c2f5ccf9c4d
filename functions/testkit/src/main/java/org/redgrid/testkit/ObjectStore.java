package org.redgrid.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redgrid.infra.template.SamTemplate;

/**
 * The local S3-compatible object store (infra/objectstore: s3rver, MIT, on Node) as a child process on a free
 * loopback port, its files under a folder, with the buckets it is asked for. The tests (one per JVM, through
 * {@link ObjectStoreResource}) and the local runtime (files under .redgrid/s3) use it with the same presigned
 * uploads as S3. It checks AWS Signature V4 with the key {@value #ACCESS_KEY}; it exits when its stdin closes, so it
 * dies with this JVM. Plain JDK, so that infra/local can use it without the kit's test libraries.
 */
public final class ObjectStore implements AutoCloseable {

    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private static final Pattern READY = Pattern.compile("redgrid-objectstore listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI endpoint;

    private ObjectStore(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts the store on a free port.
     *
     * @param corsOrigins origins whose browsers may PUT and GET (the console's), none for tests
     * @param log         where the store's own messages go
     */
    public static ObjectStore start(Path directory, List<String> buckets, List<String> corsOrigins, PrintStream log) {
        Path home = SamTemplate.locate().getParent().resolve("infra/objectstore");
        if (!Files.isRegularFile(home.resolve("node_modules/s3rver/package.json"))) {
            throw new IllegalStateException("The object store's packages are not installed: run `npm ci` in " + home
                    + " (the Maven build of functions/testkit does it).");
        }
        List<String> command = new ArrayList<>(List.of("node", home.resolve("bin/redgrid-objectstore.js").toString(),
                "--port", "0", "--directory", directory.toAbsolutePath().toString(), "--exit-with-stdin"));
        buckets.forEach(b -> command.addAll(List.of("--bucket", b)));
        corsOrigins.forEach(o -> command.addAll(List.of("--cors-origin", o)));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IllegalStateException("The object store did not start (is Node.js 20 on the PATH?): " + e.getMessage(), e);
        }
        CompletableFuture<URI> ready = new CompletableFuture<>();
        daemon(() -> lines(process.getInputStream(), line -> {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                ready.complete(URI.create(m.group(1)));
            }
        }, () -> ready.completeExceptionally(new IllegalStateException("the object store exited"))));
        daemon(() -> lines(process.getErrorStream(), log::println, () -> { }));
        try {
            ObjectStore store = new ObjectStore(process, ready.get(60, TimeUnit.SECONDS));
            Runtime.getRuntime().addShutdownHook(new Thread(store::close, "redgrid-objectstore-stop"));
            return store;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The object store did not start; its messages are in the log", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the object store started", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Closing its stdin asks the store to exit; it is killed if it has not within five seconds. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void lines(InputStream in, java.util.function.Consumer<String> each, Runnable atEnd) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                each.accept(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
        atEnd.run();
    }

    private static void daemon(Runnable body) {
        Thread t = new Thread(body, "redgrid-objectstore-output");
        t.setDaemon(true);
        t.start();
    }
}
