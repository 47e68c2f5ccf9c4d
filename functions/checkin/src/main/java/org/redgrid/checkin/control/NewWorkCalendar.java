package org.redgrid.checkin.control;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.redgrid.checkin.entity.WorkCalendar;

/**
 * A district's work calendar as the district admin sends it (设置工作日历): the whole year's holidays and working
 * weekend days (a replacement, so sending it again changes nothing), and the version that was read (0 when the year
 * had none).
 */
public record NewWorkCalendar(
        @NotNull(message = "请提供读取时的版本号（未设置过为 0）") Long version,
        List<WorkCalendar.MarkedDay> holidays,
        List<WorkCalendar.MarkedDay> workdays) {
}
