package org.redgrid.directory.control;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.redgrid.kernel.text.DisplayText;

/** A partner unit as registered or edited: all fields given (PATCH of a unit replaces its contacts). */
public record UnitDraft(
        @NotBlank(message = "请填写单位名称") @Size(max = 60, message = "单位名称最多 60 个字") @DisplayText String name,
        @NotBlank(message = "请填写单位类别") @Size(max = 20, message = "单位类别最多 20 个字") @DisplayText String kind,
        @NotBlank(message = "请指定结对的街道或社区") String nodeCode,
        @Size(max = 100, message = "地址最多 100 个字") @DisplayText String address,
        @NotEmpty(message = "至少填写一位联系人") @Size(max = 10, message = "联系人最多 10 位") List<@Valid ContactDraft> contacts,
        Long version) {

    /** A contact person of the unit. */
    public record ContactDraft(
            @NotBlank(message = "请填写联系人姓名") @Size(max = 30, message = "姓名最多 30 个字") @DisplayText String name,
            @Size(max = 30, message = "职务最多 30 个字") @DisplayText String title,
            @NotBlank(message = "请填写联系电话") @Pattern(regexp = PersonalData.PHONE, message = "电话号码格式不正确") String phone) {
    }
}
