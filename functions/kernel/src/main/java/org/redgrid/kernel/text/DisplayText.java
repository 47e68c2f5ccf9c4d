package org.redgrid.kernel.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text shown to people (显示文本): names, addresses, titles, reasons. Refuses what makes one text display as
 * another — control characters (NUL included), bidirectional overrides, embeddings and isolates, and text that
 * is not well-formed Unicode — and keeps every real script: Uyghur names with ·, Arabic, CJK beyond the BMP
 * like 𠮷, emoji with their joiners.
 */
@Documented
@Constraint(validatedBy = DisplayText.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface DisplayText {

    String message() default "不能包含控制字符或文字方向控制符";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks one text; null is left to @NotNull/@NotBlank. */
    final class Validator implements ConstraintValidator<DisplayText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isClean(value);
        }

        public static boolean isClean(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c) || Character.isISOControl(c) || isBidiControl(c) || (c & 0xFFFE) == 0xFFFE) {
                    return false;
                }
            }
            return true;
        }

        /** ALM, LRM, RLM, LRE…RLO (embeddings and overrides), LRI…PDI (isolates). */
        private static boolean isBidiControl(char c) {
            return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
        }
    }
}
