package org.redgrid.checkin.control;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A service record as the member logs it (登记服务纪实), with the keys of photos uploaded before (POST
 * /checkin/photos); their location is removed unless {@code keepLocation}.
 */
public record NewServiceRecord(
        @NotBlank(message = "请指定服务网格") String gridCode,
        @NotNull(message = "请填写服务日期") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "日期格式为 YYYY-MM-DD") String day,
        @NotNull(message = "请填写服务时长") @Min(value = 15, message = "服务时长至少 15 分钟") @Max(value = 720, message = "单次服务时长最多 12 小时") Integer minutes,
        @NotBlank(message = "请选择服务类别") @Size(max = 20, message = "服务类别最多 20 个字") String category,
        @NotBlank(message = "请填写服务内容") @Size(max = 500, message = "服务内容最多 500 个字") String content,
        @Size(max = 20, message = "受益户最多 20 户") List<@NotBlank(message = "受益户编号不能为空") String> householdIds,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "需求编号为 1–64 位字母、数字、- 或 _") String demandId,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "项目编号为 1–64 位字母、数字、- 或 _") String projectId,
        @Size(max = 9, message = "照片最多 9 张") List<@NotBlank(message = "照片不能为空") @Size(max = 200, message = "照片编号过长") String> photos,
        Boolean keepLocation) {
}
