package org.redgrid.lists.boundary;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.redgrid.kernel.text.DisplayText;
import org.redgrid.lists.control.Matching;
import org.redgrid.lists.control.NewDemand;
import org.redgrid.lists.control.NewResource;
import org.redgrid.lists.control.SheetImports;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The small request bodies of the three lists' routes. */
public final class Requests {

    private Requests() {
    }

    /** 选择资源: the caller's own resource a claim or a project pick is made with. */
    public record ResourceChoice(@NotBlank(message = "请选择用于认领的资源") String resourceId) {
    }

    /** 完成说明 */
    public record Done(@Size(max = 200, message = "说明最多 200 个字") @DisplayText String note) {
    }

    /** 评价: a beneficiary's feedback on a demand, or an admin's evaluation of a project. */
    public record Rating(
            @NotNull(message = "请评分") @Min(value = 1, message = "评分为 1–5") @Max(value = 5, message = "评分为 1–5") Integer rating,
            @Size(max = 200, message = "评价最多 200 个字") @DisplayText String comment) {
    }

    /** 取消原因 */
    public record Cancel(@NotBlank(message = "请填写取消原因") @Size(max = 200, message = "原因最多 200 个字") @DisplayText String reason) {
    }

    /** 批量导入需求: rows the console read from an Excel sheet. */
    public record Import(
            @NotEmpty(message = "请至少导入一行") @Size(max = SheetImports.MAX_ROWS, message = "一次最多导入 200 行") List<@Valid @NotNull(message = "行不能为空") NewDemand> rows) {
    }

    /** 批量导入资源: rows the console read from an Excel sheet. */
    @Schema(name = "ResourceImportRequest")
    public record ResourceImport(
            @NotEmpty(message = "请至少导入一行") @Size(max = SheetImports.MAX_ROWS, message = "一次最多导入 200 行") List<@Valid @NotNull(message = "行不能为空") NewResource> rows) {
    }

    /** 匹配权重 (each 0–400000; not all zero). */
    @Schema(name = "MatchingWeightsRequest")
    public record Weights(
            @NotNull(message = "请填写类别权重") @Min(value = 0, message = "权重不能为负") @Max(value = 400_000, message = "权重最多 400000") Integer category,
            @NotNull(message = "请填写技能权重") @Min(value = 0, message = "权重不能为负") @Max(value = 400_000, message = "权重最多 400000") Integer skill,
            @NotNull(message = "请填写距离权重") @Min(value = 0, message = "权重不能为负") @Max(value = 400_000, message = "权重最多 400000") Integer proximity,
            @NotNull(message = "请填写时间权重") @Min(value = 0, message = "权重不能为负") @Max(value = 400_000, message = "权重最多 400000") Integer time,
            @NotNull(message = "请填写紧急程度权重") @Min(value = 0, message = "权重不能为负") @Max(value = 400_000, message = "权重最多 400000") Integer urgency) {
    }

    /** 发起匹配: the community or street to match. */
    public record Batch(@NotBlank(message = "请指定社区或街道") String nodeCode) {
    }

    /** 处理匹配方案: at most {@value Matching#MAX_DECIDE} pairs in all (accepted and rejected), each its own transaction. */
    public record Decide(
            @Size(max = Matching.MAX_DECIDE, message = "一次最多采纳 100 对") List<@Valid @NotNull(message = "不能为空") Pair> accept,
            @Size(max = Matching.MAX_DECIDE, message = "一次最多退回 100 项") List<@NotBlank(message = "需求编号不能为空") String> reject) {
    }

    /** 采纳的一对（可改为其他资源） */
    @Schema(name = "PairDecisionRequest")
    public record Pair(@NotBlank(message = "请指定需求") String demandId, @NotBlank(message = "请指定资源") String resourceId) {
    }
}
