package org.redgrid.lists.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.taxonomy.Category;

/**
 * Field checks beyond bean validation (taxonomy codes, instants, windows), collected with the field's full name so
 * that an imported row's errors say which row: {@code rows[3].category}.
 */
final class Checks {

    private Checks() {
    }

    static void category(List<FieldError> errors, String field, String code) {
        if (code != null && !Category.isCode(code)) {
            errors.add(new FieldError(field, "UNKNOWN_CATEGORY", "未知的类别代码：" + code));
        }
    }

    /** The instant, or null when absent or (with an error added) unreadable. */
    static Instant instant(List<FieldError> errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "INVALID_TIME", "时间格式为 ISO-8601，如 2026-11-26T09:00:00Z"));
            return null;
        }
    }

    /** A window given by both ends, end after start; one end alone is an error on the missing one. */
    static void window(List<FieldError> errors, String prefix, String startField, String endField, Instant start,
            Instant end, String startText, String endText) {
        boolean hasStart = startText != null && !startText.isBlank();
        boolean hasEnd = endText != null && !endText.isBlank();
        if (hasStart != hasEnd) {
            errors.add(new FieldError(prefix + (hasStart ? endField : startField), "WINDOW_INCOMPLETE", "时间段须同时填写开始和结束"));
        } else if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError(prefix + endField, "WINDOW_ORDER", "结束时间须晚于开始时间"));
        }
    }

    /** Optional text as stored: stripped, and absent when blank. */
    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static void raise(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
