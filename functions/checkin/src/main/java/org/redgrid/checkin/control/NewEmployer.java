package org.redgrid.checkin.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;

/**
 * An employer unit (工作单位) entered into the registry.
 *
 * @param code     "E" and 2–8 digits: a shape no grid node code is given, because the employer-unit role is held at
 *                 it like a node ({@code employer-unit@E01})
 * @param nodeCode the street or district that keeps the unit
 */
public record NewEmployer(
        @NotBlank(message = "请填写单位代码") @Pattern(regexp = Employers.CODE, message = "单位代码须为 E 加 2–8 位数字，如 E01") String code,
        @NotBlank(message = "请填写单位名称") @Size(max = 60, message = "单位名称最多 60 个字") @DisplayText String name,
        @NotBlank(message = "请选择所属街道或区") String nodeCode,
        @NotBlank(message = "请填写联系人") @Size(max = 30, message = "联系人最多 30 个字") @DisplayText String contactName,
        @NotBlank(message = "请填写联系电话") @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "联系电话格式不正确") String contactPhone) {
}
