package org.redgrid.directory.control;

import org.redgrid.directory.entity.Gender;
import org.redgrid.directory.entity.PartyStatus;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.redgrid.kernel.text.DisplayText;

/**
 * A person to register. Home is a grid or building ({@code homeNodeCode}) or, when {@code householdId} is given,
 * the household's node.
 */
public record NewPerson(
        @NotBlank(message = "请填写姓名") @Size(max = 30, message = "姓名最多 30 个字") @DisplayText String name,
        Gender gender,
        @NotBlank(message = "请填写联系电话") @Pattern(regexp = PersonalData.PHONE, message = "电话号码格式不正确") String phone,
        @Pattern(regexp = PersonalData.ID_NUMBER, message = "身份证号须为 18 位") String idNumber,
        String homeNodeCode,
        String householdId,
        PartyStatus partyStatus,
        @Size(max = 60, message = "工作单位最多 60 个字") @DisplayText String employer,
        @Size(min = 1, max = 128, message = "登录账号须为 1–128 个字符") String account) {
}
