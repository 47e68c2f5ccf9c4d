package org.redgrid.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * template.yaml through the ecosystem's own checks, cfn-lint and {@code sam validate --lint}, installed from the
 * pinned infra/python/requirements-lint.txt by infra/python/setup. Both run without AWS credentials, profile or
 * region: the environment they get here holds none. The broken copies prove that each check bites.
 */
class LintersTest {

    private static Path root;
    private static String text;

    @TempDir
    Path scratch;

    record Run(int exit, String output) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        Path template = SamTemplate.locate();
        root = template.getParent();
        text = Files.readString(template);
        Run setup = run(List.of(root.resolve("infra/python/setup").toString(), "lint"), root);
        assertEquals(0, setup.exit(), setup.output());
    }

    @Test
    void cfnLintFindsNothing() throws Exception {
        assertEquals(new Run(0, ""), cfnLint(root.resolve("template.yaml")));
    }

    @Test
    void samValidateLintPasses() throws Exception {
        Run run = samValidate(root.resolve("template.yaml"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("is a valid SAM Template"), run.output());
    }

    @Test
    void aMisspelledPropertyFailsBoth() throws Exception {
        Path broken = copyWith("      BillingMode: PAY_PER_REQUEST", "      BilingMode: PAY_PER_REQUEST");
        Run lint = cfnLint(broken);
        assertNotEquals(0, lint.exit());
        assertTrue(lint.output().contains("E3002") && lint.output().contains("BilingMode"), lint.output());
        Run sam = samValidate(broken);
        assertNotEquals(0, sam.exit());
        assertTrue(sam.output().contains("BilingMode"), sam.output());
    }

    @Test
    void aDanglingReferenceIsCaught() throws Exception {
        Run lint = cfnLint(copyWith("LogGroup: !Ref DirectoryLogGroup", "LogGroup: !Ref DirectoryLogGrp"));
        assertNotEquals(0, lint.exit());
        assertTrue(lint.output().contains("E1020") && lint.output().contains("DirectoryLogGrp"), lint.output());
    }

    /** The defect issue 8 found: CloudFormation refuses a stack whose resources depend on each other in a circle. */
    @Test
    void aDependencyCycleIsCaught() throws Exception {
        Run lint = cfnLint(copyWith("connect-src 'self' https://*.execute-api.", "connect-src 'self' https://${HttpApi}.execute-api."));
        assertNotEquals(0, lint.exit());
        assertTrue(lint.output().contains("E3004"), lint.output());
    }

    private Path copyWith(String original, String replacement) throws IOException {
        assertTrue(text.contains(original), "the template no longer contains " + original);
        Path copy = scratch.resolve("template.yaml");
        Files.writeString(copy, text.replace(original, replacement));
        return copy;
    }

    private static Run cfnLint(Path template) throws Exception {
        return run(List.of(tool("cfn-lint"), "--format", "parseable", template.toString()), template.getParent());
    }

    private static Run samValidate(Path template) throws Exception {
        return run(List.of(tool("sam"), "validate", "--lint", "--template-file", template.toString()), template.getParent());
    }

    private static String tool(String name) {
        return root.resolve(".venv/lint/bin").resolve(name).toString();
    }

    /** Runs with a bare environment: PATH and a fresh home only, so no AWS credentials, profile or region. */
    private static Run run(List<String> command, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("HOME", Files.createTempDirectory("redgrid-lint-home").toString());
        pb.environment().put("SAM_CLI_TELEMETRY", "0");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Run(p.waitFor(), out);
    }
}
