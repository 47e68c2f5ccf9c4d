package org.redgrid.lists.control;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;

/** A project as a community admin plans it (立项). */
public record NewProject(
        @NotBlank(message = "请填写项目名称") @Size(max = 50, message = "名称最多 50 个字") @DisplayText String title,
        @Size(max = 500, message = "描述最多 500 个字") @DisplayText String description,
        @NotBlank(message = "请选择项目类别") String category,
        @NotBlank(message = "请指定所属社区") String communityCode,
        @NotBlank(message = "请填写牵头单位") @Size(max = 50, message = "牵头单位最多 50 个字") @DisplayText String ownerUnit,
        @Size(max = 30, message = "月度主题最多 30 个字") @DisplayText String theme,
        @NotNull(message = "请填写开始日期") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "日期格式为 YYYY-MM-DD") String startDate,
        @NotNull(message = "请填写结束日期") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "日期格式为 YYYY-MM-DD") String endDate,
        @NotNull(message = "请填写预算") @Min(value = 0, message = "预算不能为负") @Max(value = 100_000_000, message = "预算最多 100 万元") Long budget,
        @Size(max = 50, message = "需求最多 50 项") List<@NotBlank(message = "需求编号不能为空") String> demandIds,
        @Size(max = 50, message = "资源最多 50 项") List<@NotBlank(message = "资源编号不能为空") String> resourceIds,
        boolean published) {
}
