package org.redgrid.lists.control;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;

/** A demand as a resident or grid staff submit it (提交需求), or as one row of an imported sheet. */
public record NewDemand(
        @NotBlank(message = "请填写需求标题") @Size(max = 50, message = "标题最多 50 个字") @DisplayText String title,
        @Size(max = 500, message = "描述最多 500 个字") @DisplayText String description,
        @NotBlank(message = "请选择需求类别") String category,
        @NotBlank(message = "请指定所在网格") String gridCode,
        @Size(max = 20, message = "受益户最多 20 户") List<@NotBlank(message = "受益户编号不能为空") @Size(max = 64, message = "受益户编号过长") String> householdIds,
        @Size(max = 10, message = "所需技能最多 10 项") List<@NotBlank(message = "技能不能为空") @Size(max = 20, message = "技能最多 20 个字") @DisplayText String> skills,
        @Min(value = 1, message = "紧急程度为 1–5") @Max(value = 5, message = "紧急程度为 1–5") Integer urgency,
        String windowStart,
        String windowEnd) {
}
