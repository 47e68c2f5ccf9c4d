package org.redgrid.lists.control;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;

/**
 * Changes to a planned project (修改项目): absent fields stay, an empty description or theme clears it; the demand and
 * resource lists, when given, replace the project's. Applies only to {@code version}, the version the editor read.
 */
public record ProjectChanges(
        @Pattern(regexp = NOT_BLANK, message = "项目名称不能为空") @Size(max = 50, message = "名称最多 50 个字") @DisplayText String title,
        @Size(max = 500, message = "描述最多 500 个字") @DisplayText String description,
        String category,
        @Pattern(regexp = NOT_BLANK, message = "牵头单位不能为空") @Size(max = 50, message = "牵头单位最多 50 个字") @DisplayText String ownerUnit,
        @Size(max = 30, message = "月度主题最多 30 个字") @DisplayText String theme,
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "日期格式为 YYYY-MM-DD") String startDate,
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "日期格式为 YYYY-MM-DD") String endDate,
        @Min(value = 0, message = "预算不能为负") @Max(value = 100_000_000, message = "预算最多 100 万元") Long budget,
        @Size(max = 50, message = "需求最多 50 项") List<@NotBlank(message = "需求编号不能为空") String> demandIds,
        @Size(max = 50, message = "资源最多 50 项") List<@NotBlank(message = "资源编号不能为空") String> resourceIds,
        Boolean published,
        @NotNull(message = "请带上读取时的版本号") Long version) {

    /** Some text that is not only white space (absent text is left alone by the edit). */
    static final String NOT_BLANK = "(?s).*\\S.*";
}
