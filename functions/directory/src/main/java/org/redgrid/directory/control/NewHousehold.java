package org.redgrid.directory.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.redgrid.kernel.text.DisplayText;

/** A household to register at a grid or building. */
public record NewHousehold(
        @NotBlank(message = "请指定所在网格或楼栋") String nodeCode,
        @NotBlank(message = "请填写住址") @Size(max = 100, message = "住址最多 100 个字") @DisplayText String address,
        @Size(max = 30, message = "户标签最多 30 个字") @DisplayText String label) {
}
