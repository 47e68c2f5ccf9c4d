package org.redgrid.lists.control;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;
import org.redgrid.lists.entity.ResourceKind;

/**
 * A resource as its owner offers or edits it (登记资源): a unit's offer, a member's own skills and time, a team. An
 * edit gives every field (its base and kind stay what they were) and, with {@code version}, applies only to that
 * version; capacity counts demands a month, {@code hoursPerMonth} only tells how much time that is.
 */
public record NewResource(
        @NotNull(message = "请选择资源类型") ResourceKind kind,
        @NotBlank(message = "请填写资源名称") @Size(max = 50, message = "名称最多 50 个字") @DisplayText String name,
        @Size(max = 500, message = "描述最多 500 个字") @DisplayText String description,
        @NotBlank(message = "请指定资源所在节点") String nodeCode,
        @NotEmpty(message = "请指定服务范围") @Size(max = 20, message = "服务范围最多 20 处") List<@NotBlank(message = "服务范围不能为空") String> covers,
        @NotEmpty(message = "请选择服务类别") @Size(max = 13, message = "服务类别最多 13 项") List<@NotBlank(message = "类别不能为空") String> categories,
        @Size(max = 10, message = "技能最多 10 项") List<@NotBlank(message = "技能不能为空") @Size(max = 20, message = "技能最多 20 个字") @DisplayText String> skills,
        @NotNull(message = "请填写每月可承接数") @Min(value = 1, message = "每月可承接数至少为 1") @Max(value = 1000, message = "每月可承接数最多 1000") Integer capacity,
        String availableFrom,
        String availableTo,
        @Min(value = 1, message = "每月可服务时长至少 1 小时") @Max(value = 744, message = "每月可服务时长最多 744 小时") Integer hoursPerMonth,
        Long version) {
}
