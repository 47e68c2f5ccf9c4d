package org.redgrid.checkin.control;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A clock-in or clock-out as the phone sends it (打卡): the grid and where the phone is. The time is the server's.
 */
public record NewClockIn(
        @NotBlank(message = "请指定打卡网格") String gridCode,
        @NotNull(message = "请指定上班或下班打卡") @Pattern(regexp = "IN|OUT", message = "打卡类型须为 IN 或 OUT") String kind,
        @NotNull(message = "缺少定位经度") @DecimalMin(value = "-180", message = "经度超出范围") @DecimalMax(value = "180", message = "经度超出范围") Double lon,
        @NotNull(message = "缺少定位纬度") @DecimalMin(value = "-90", message = "纬度超出范围") @DecimalMax(value = "90", message = "纬度超出范围") Double lat) {
}
