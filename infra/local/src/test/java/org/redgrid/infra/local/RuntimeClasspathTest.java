package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngine;
import org.redgrid.infra.template.SamTemplate;

/**
 * The classpath infra/local/run starts the runtime with (target/runtime.classpath) makes no noise of its own: the AWS
 * SDK's first client used to bring SLF4J's "no providers" warning to every newcomer's console (issue 10 item 13).
 */
class RuntimeClasspathTest {

    /** What the runtime does first with the SDK: build a client. Run in a JVM of its own by the test below. */
    public static final class FirstClient {
        public static void main(String[] args) {
            DynamoEngine.client(URI.create("http://127.0.0.1:1")).close();
        }
    }

    @Test
    void theSdksFirstClientSaysNothing() throws Exception {
        Path module = SamTemplate.locate().getParent().resolve("infra/local");
        String classpath = String.join(java.io.File.pathSeparator, module.resolve("target/test-classes").toString(),
                module.resolve("target/classes").toString(), Files.readString(module.resolve("target/runtime.classpath")).trim());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                FirstClient.class.getName()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        assertEquals("", output);
        assertEquals(0, p.exitValue());
    }
}
