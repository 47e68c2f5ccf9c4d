package org.redgrid.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One function of template.yaml running as its own JVM under the AWS Lambda Runtime Interface Client, from the very
 * function.zip that is deployed, with the environment Lambda would give it.
 */
public final class FunctionProcess implements AutoCloseable {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final String name;
    private final Process process;
    private final RuntimeApi api;

    private FunctionProcess(String name, Process process, RuntimeApi api) {
        this.name = name;
        this.process = process;
        this.api = api;
    }

    /**
     * @param taskRoot the unpacked function.zip (LAMBDA_TASK_ROOT)
     * @param ricClasspath jars of the Runtime Interface Client
     * @param environment the function's variables (template.yaml plus local endpoints)
     */
    public static FunctionProcess start(String name, Path taskRoot, String ricClasspath, int memoryMb, Map<String, String> environment,
            Path log) throws IOException {
        return start(name, HANDLER, taskRoot, ricClasspath, memoryMb, environment, log);
    }

    /** @param handler the function's {@code Handler} ("class::method"), e.g. a stream function's */
    public static FunctionProcess start(String name, String handler, Path taskRoot, String ricClasspath, int memoryMb,
            Map<String, String> environment, Path log) throws IOException {
        RuntimeApi api = new RuntimeApi(name);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // What the Lambda Java runtime does by default: quick C1 start, heap sized from the memory setting.
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx" + Math.max(64, memoryMb * 85 / 100) + "m",
                "-cp", ricClasspath, RIC_MAIN, handler));
        // The Runtime Interface Client loads the handler from its working directory (and its lib/), as /var/task on Lambda.
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        try {
            return new FunctionProcess(name, builder.start(), api);
        } catch (IOException e) {
            api.close();
            throw e;
        }
    }

    /** Unpacks function.zip into {@code target} unless it is already there and newer than the zip. */
    public static Path unpack(Path zip, Path target) throws IOException {
        Path stamp = target.resolve(".unpacked");
        if (Files.exists(stamp) && Files.getLastModifiedTime(stamp).compareTo(Files.getLastModifiedTime(zip)) > 0) {
            return target;
        }
        if (Files.exists(target)) {
            try (var walk = Files.walk(target)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(stamp, zip.toString());
        return target;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String invoke(String event, long timeoutMillis) throws Exception {
        if (!process.isAlive()) {
            throw new RuntimeApi.InvocationFailed("function process " + name + " exited with " + process.exitValue());
        }
        return api.invoke(event, timeoutMillis);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
    }
}
