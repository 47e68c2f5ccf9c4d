package org.redgrid.directory.control;

import org.redgrid.directory.entity.Gender;
import org.redgrid.directory.entity.PartyStatus;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.redgrid.kernel.text.DisplayText;

/** Changes to a person; absent fields stay. With {@code version}, applies only to that version. */
public record PersonChanges(
        @Size(min = 1, max = 30, message = "姓名须为 1–30 个字") @DisplayText String name,
        Gender gender,
        @Pattern(regexp = PersonalData.PHONE, message = "电话号码格式不正确") String phone,
        @Pattern(regexp = PersonalData.ID_NUMBER, message = "身份证号须为 18 位") String idNumber,
        String homeNodeCode,
        PartyStatus partyStatus,
        @Size(max = 60, message = "工作单位最多 60 个字") @DisplayText String employer,
        Long version) {
}
