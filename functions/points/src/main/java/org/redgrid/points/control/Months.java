package org.redgrid.points.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.redgrid.kernel.problem.ProblemException;

/** Months and years as the points domain counts them (月份): China time, {@code yyyy-MM} and {@code yyyy}. */
public final class Months {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Months() {
    }

    public static String of(Instant at) {
        return YearMonth.from(at.atZone(CHINA)).toString();
    }

    public static String year(Instant at) {
        return Integer.toString(at.atZone(CHINA).getYear());
    }

    /** The first instant of a month, China time. */
    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(CHINA).toInstant();
    }

    /** The first instant of a day, China time. */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }

    /** A month a request names ({@code yyyy-MM}), or 400 on {@code field}. */
    public static YearMonth parse(String field, String text) {
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw ProblemException.invalidField(field, "MONTH_OUT_OF_RANGE", "月份须在 2000–2100 年之间");
            }
            return month;
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.invalidField(field, "INVALID_MONTH", "月份格式应为 yyyy-MM，例如 2026-11");
        }
    }
}
