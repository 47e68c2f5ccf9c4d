package org.redgrid.directory.control;

import org.redgrid.directory.entity.NodeLevel;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.redgrid.kernel.text.DisplayText;

/** A new node of the grid tree. A district (the root) has no parent. */
public record NewNode(
        @NotBlank(message = "请填写节点编码") @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "编码须为 2–32 位大写字母、数字或连字符") String code,
        @NotBlank(message = "请填写名称") @Size(max = 50, message = "名称最多 50 个字") @DisplayText String name,
        @NotNull(message = "请选择层级") NodeLevel level,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "上级编码格式不正确") String parentCode,
        @Size(max = 30, message = "类别最多 30 个字") @DisplayText String category,
        JsonNode boundary) {
}
