package org.redgrid.points.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A community's points settings (社区积分设置): awards above {@code approvalThreshold} wait for a second person's
 * approval; the issuing budget may issue up to {@code issuingLimit} points more than have come back to it; a
 * household earns at most {@code householdMonthlyCap} points a month by rules (null: no overall cap); points earned
 * in a year expire {@code expiryMonths} months after it ends (null: never).
 */
public record CommunitySettings(
        @NotNull(message = "请填写审批限额") @Min(value = 1, message = "审批限额至少为 1") @Max(value = 1_000_000, message = "审批限额最多 1000000") Long approvalThreshold,
        @NotNull(message = "请填写发放额度") @Min(value = 0, message = "发放额度不能为负") @Max(value = 1_000_000_000, message = "发放额度最多 1000000000") Long issuingLimit,
        @Min(value = 1, message = "每户每月上限至少为 1") @Max(value = 1_000_000, message = "每户每月上限最多 1000000") Long householdMonthlyCap,
        @Min(value = 0, message = "过期月数不能为负") @Max(value = 120, message = "过期月数最多 120") Integer expiryMonths) {
}
