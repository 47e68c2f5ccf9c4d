package org.redgrid.infra.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml against AWS's SAM schema and CloudFormation provider schemas, and proof that the check bites. */
class TemplateValidatorTest {

    private static TemplateValidator validator;
    private static String text;

    @BeforeAll
    static void load() throws IOException {
        Path template = SamTemplate.locate();
        validator = new TemplateValidator(template.getParent().resolve("../shared/reference").normalize());
        text = Files.readString(template);
    }

    private static List<String> errorsOf(String yaml) {
        return validator.validate(SamTemplate.parse(new StringReader(yaml)));
    }

    private static List<String> errorsWith(String original, String replacement) {
        assertTrue(text.contains(original), "the template no longer contains " + original);
        return errorsOf(text.replaceFirst(java.util.regex.Pattern.quote(original), replacement));
    }

    @Test
    void theTemplateIsValid() {
        assertEquals(List.of(), errorsOf(text));
    }

    @Test
    void aMisspelledTablePropertyIsCaught() {
        List<String> errors = errorsWith("      BillingMode: PAY_PER_REQUEST", "      BilingMode: PAY_PER_REQUEST");
        assertTrue(errors.stream().anyMatch(e -> e.matches("\\w+Table:.*") && e.contains("BilingMode")), errors::toString);
    }

    @Test
    void aMisspelledFunctionPropertyIsCaught() {
        List<String> errors = errorsWith("      MemorySize: 256", "      MemorySise: 256");
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("DirectoryFunction:") && e.contains("MemorySise")), errors::toString);
    }

    @Test
    void aWrongEnumValueIsCaught() {
        List<String> errors = errorsWith("{AttributeName: pk, AttributeType: S}", "{AttributeName: pk, AttributeType: X}");
        assertTrue(errors.stream().anyMatch(e -> e.matches("\\w+Table:.*") && e.contains("AttributeType")), errors::toString);
    }

    @Test
    void aDanglingReferenceIsCaught() {
        List<String> errors = errorsWith("DIRECTORY_TABLE: !Ref DirectoryTable", "DIRECTORY_TABLE: !Ref DirectoryTabel");
        assertTrue(errors.stream().anyMatch(e -> e.contains("DirectoryTabel")), errors::toString);
    }

    @Test
    void aTypeWithoutSchemaIsCaught() {
        List<String> errors = errorsWith("Type: AWS::Logs::LogGroup", "Type: AWS::Logs::LogGrup");
        assertTrue(errors.stream().anyMatch(e -> e.contains("no schema for AWS::Logs::LogGrup")), errors::toString);
    }
}
