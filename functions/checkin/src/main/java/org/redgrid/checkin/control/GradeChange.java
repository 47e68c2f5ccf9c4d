package org.redgrid.checkin.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;

/** A reviewer's override of a member's grade (改评), always with the reason; {@code version} as last read. */
public record GradeChange(
        @NotNull(message = "请选择等次") @Pattern(regexp = "GOOD|FAIRLY_GOOD|AVERAGE|POOR", message = "等次须为 GOOD、FAIRLY_GOOD、AVERAGE 或 POOR") String grade,
        @NotBlank(message = "改评须说明理由") @Size(max = 200, message = "理由最多 200 个字") @DisplayText String reason, Long version) {
}
