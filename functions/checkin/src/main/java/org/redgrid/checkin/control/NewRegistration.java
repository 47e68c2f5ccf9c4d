package org.redgrid.checkin.control;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A member's registration as submitted from the phone (报到登记).
 *
 * @param homeNodeCode the member's home building (楼栋) or grid (网格); a building's grid is where they serve
 * @param showPhone    consent to show the phone on the public board
 */
public record NewRegistration(
        @NotBlank(message = "请填写姓名") @Size(max = 30, message = "姓名最多 30 个字") String name,
        @NotBlank(message = "请填写联系电话") @Pattern(regexp = "1[3-9]\\d{9}", message = "手机号码格式不正确") String phone,
        @NotBlank(message = "请填写工作单位代码") @Pattern(regexp = "[A-Za-z0-9-]{2,40}", message = "单位代码为 2–40 位字母、数字或连字符") String employerCode,
        @NotBlank(message = "请填写工作单位") @Size(max = 60, message = "单位名称最多 60 个字") String employerName,
        @NotBlank(message = "请选择居住的楼栋或网格") String homeNodeCode,
        @Size(max = 10, message = "特长最多 10 项") List<@NotBlank(message = "特长不能为空") @Size(max = 20, message = "每项特长最多 20 个字") String> skills,
        @Size(max = 100, message = "可服务时间最多 100 个字") String availability,
        @NotNull(message = "请选择是否公开电话") Boolean showPhone) {
}
