package org.redgrid.checkin.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A leave request as the cadre sends it (请假): the grid, the first and last day, the kind of leave and why. */
public record NewLeave(
        @NotBlank(message = "请指定网格") String gridCode,
        @NotNull(message = "请填写开始日期") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "日期格式为 YYYY-MM-DD") String from,
        @NotNull(message = "请填写结束日期") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "日期格式为 YYYY-MM-DD") String to,
        @NotNull(message = "请选择请假类型") @Pattern(regexp = "PERSONAL|SICK|ANNUAL|OFFICIAL|OTHER", message = "请假类型须为 PERSONAL、SICK、ANNUAL、OFFICIAL 或 OTHER") String type,
        @NotBlank(message = "请填写请假事由") @Size(max = 200, message = "请假事由最多 200 个字") String reason) {
}
