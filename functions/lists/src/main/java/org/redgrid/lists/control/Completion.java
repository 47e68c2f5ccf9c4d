package org.redgrid.lists.control;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A project's completion report (结项): who took part for how long, who benefited, the outcome photos (the keys of
 * the caller's uploads, POST /lists/projects/{id}/photos; kept by {@link ProjectPhotos}).
 */
public record Completion(
        @NotEmpty(message = "请填写参与人") @Size(max = 50, message = "参与人最多 50 名") List<@Valid @NotNull(message = "参与人不能为空") Participant> participants,
        @Size(max = 30, message = "受益户最多 30 户") List<@NotBlank(message = "受益户编号不能为空") @Size(max = 64, message = "受益户编号过长") String> beneficiaryHouseholdIds,
        @Size(max = 9, message = "成果照片最多 9 张") List<@NotBlank(message = "照片不能为空") @Size(max = 300, message = "照片键过长") String> outcomePhotos,
        @Size(max = 500, message = "总结最多 500 个字") @DisplayText String summary) {

    /** 参与人及服务时长 (hours, in half hours). */
    @Schema(name = "CompletionParticipant")
    public record Participant(
            @NotBlank(message = "请填写参与人账号") @Size(max = 128, message = "账号过长") String login,
            @NotNull(message = "请填写服务时长") @DecimalMin(value = "0.5", message = "服务时长至少 0.5 小时") @DecimalMax(value = "24", message = "服务时长最多 24 小时") BigDecimal hours) {
    }
}
