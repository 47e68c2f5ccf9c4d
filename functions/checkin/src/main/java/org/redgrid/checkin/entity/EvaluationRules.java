package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A community's year-end evaluation rules (考评规则), one immutable version each: the weight of each criterion, the
 * value at which a criterion counts in full, and the score cut-offs of the grades. Scoring is explainable: each
 * criterion's share of the score is {@code weight / Σ weights × min(1, value / target) × 100}.
 */
@RegisterForReflection
public record EvaluationRules(String communityCode, long version, @Valid Weights weights, @Valid Targets targets,
        @Valid Cutoffs cutoffs, String setBy, String setAt) {

    /** Relative weights (权重) of the criteria; attendance counts only for cadres with duty days. */
    @RegisterForReflection
    @Schema(name = "EvaluationWeights")
    public record Weights(
            @NotNull(message = "请填写服务时长权重") @Min(value = 0, message = "权重为 0–100") @Max(value = 100, message = "权重为 0–100") Integer hours,
            @NotNull(message = "请填写服务次数权重") @Min(value = 0, message = "权重为 0–100") @Max(value = 100, message = "权重为 0–100") Integer records,
            @NotNull(message = "请填写出勤率权重") @Min(value = 0, message = "权重为 0–100") @Max(value = 100, message = "权重为 0–100") Integer attendance,
            @NotNull(message = "请填写群众评价权重") @Min(value = 0, message = "权重为 0–100") @Max(value = 100, message = "权重为 0–100") Integer rating) {
    }

    /** The value at which a criterion counts in full (满分值). */
    @RegisterForReflection
    public record Targets(
            @NotNull(message = "请填写满分服务时长") @DecimalMin(value = "0.5", message = "满分服务时长至少 0.5 小时") @DecimalMax(value = "2000", message = "满分服务时长最多 2000 小时") Double hours,
            @NotNull(message = "请填写满分服务次数") @Min(value = 1, message = "满分服务次数至少 1 次") @Max(value = 1000, message = "满分服务次数最多 1000 次") Integer records,
            @NotNull(message = "请填写满分出勤率") @DecimalMin(value = "0.01", message = "满分出勤率为 0.01–1") @DecimalMax(value = "1", message = "满分出勤率为 0.01–1") Double attendanceRate,
            @NotNull(message = "请填写满分评价") @DecimalMin(value = "0.1", message = "满分评价为 0.1–5") @DecimalMax(value = "5", message = "满分评价为 0.1–5") Double rating) {
    }

    /** Lowest score (0–100) of 好, 较好 and 一般; below the last is 差. */
    @RegisterForReflection
    public record Cutoffs(
            @NotNull(message = "请填写“好”的分数线") @DecimalMin(value = "0", message = "分数线为 0–100") @DecimalMax(value = "100", message = "分数线为 0–100") Double good,
            @NotNull(message = "请填写“较好”的分数线") @DecimalMin(value = "0", message = "分数线为 0–100") @DecimalMax(value = "100", message = "分数线为 0–100") Double fairlyGood,
            @NotNull(message = "请填写“一般”的分数线") @DecimalMin(value = "0", message = "分数线为 0–100") @DecimalMax(value = "100", message = "分数线为 0–100") Double average) {
    }

    /** One criterion of a member's score: its value, what counts in full, its weight and its share of the score. */
    @RegisterForReflection
    @Schema(name = "EvaluationCriterion")
    public record Criterion(String criterion, double value, double target, int weight, double contribution, boolean applies) {
    }

    /**
     * A member's year, what the score is computed from: verified minutes and records and residents' ratings from the
     * kept totals item (0 when absent), duty and attended days from the year's clock-ins.
     */
    public record YearTotals(long minutes, long records, long dutyDays, long attendedDays, long ratingSum, long ratingCount) {

        public static YearTotals fromItem(Map<String, AttributeValue> item) {
            return new YearTotals(Attr.num(item, "minutes"), Attr.num(item, "records"), 0, 0, Attr.num(item, "ratingSum"),
                    Attr.num(item, "ratingCount"));
        }

        public YearTotals withAttendance(long duty, long attended) {
            return new YearTotals(minutes, records, duty, attended, ratingSum, ratingCount);
        }

        public static final YearTotals NONE = new YearTotals(0, 0, 0, 0, 0, 0);
    }

    /** What a community has before it sets its own rules (version 0). */
    public static EvaluationRules defaults(String communityCode) {
        return new EvaluationRules(communityCode, 0, new Weights(40, 20, 20, 20), new Targets(40.0, 12, 0.9, 4.5),
                new Cutoffs(85.0, 70.0, 50.0), null, null);
    }

    /** Score (0–100, one decimal) and its breakdown. */
    public List<Criterion> breakdown(YearTotals t) {
        boolean cadre = t.dutyDays() > 0;
        double hours = round(t.minutes() / 60.0, 2);
        double attendance = cadre ? round((double) t.attendedDays() / t.dutyDays(), 4) : 0;
        double rating = t.ratingCount() > 0 ? round((double) t.ratingSum() / t.ratingCount(), 2) : 0;
        int total = weights.hours() + weights.records() + weights.rating() + (cadre ? weights.attendance() : 0);
        List<Criterion> out = new ArrayList<>();
        out.add(criterion("HOURS", hours, targets.hours(), weights.hours(), total, true));
        out.add(criterion("RECORDS", t.records(), targets.records(), weights.records(), total, true));
        out.add(criterion("ATTENDANCE", attendance, targets.attendanceRate(), weights.attendance(), total, cadre));
        out.add(criterion("RATING", rating, targets.rating(), weights.rating(), total, true));
        return out;
    }

    public static double score(List<Criterion> breakdown) {
        return round(breakdown.stream().mapToDouble(Criterion::contribution).sum(), 1);
    }

    public Grade grade(double score) {
        return score >= cutoffs.good() ? Grade.GOOD
                : score >= cutoffs.fairlyGood() ? Grade.FAIRLY_GOOD
                : score >= cutoffs.average() ? Grade.AVERAGE : Grade.POOR;
    }

    private static Criterion criterion(String name, double value, double target, int weight, int total, boolean applies) {
        double share = applies && total > 0 ? (double) weight / total * Math.min(1, value / target) * 100 : 0;
        return new Criterion(name, value, target, weight, round(share, 2), applies);
    }

    static double round(double v, int places) {
        return java.math.BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(
                SingleTable.key(EvaluationKeys.rules(communityCode), EvaluationKeys.rulesVersion(version)));
        item.put("communityCode", s(communityCode));
        item.put("version", Attr.n(version));
        item.put("wHours", Attr.n(weights.hours()));
        item.put("wRecords", Attr.n(weights.records()));
        item.put("wAttendance", Attr.n(weights.attendance()));
        item.put("wRating", Attr.n(weights.rating()));
        item.put("tHours", d(targets.hours()));
        item.put("tRecords", Attr.n(targets.records()));
        item.put("tAttendanceRate", d(targets.attendanceRate()));
        item.put("tRating", d(targets.rating()));
        item.put("cGood", d(cutoffs.good()));
        item.put("cFairlyGood", d(cutoffs.fairlyGood()));
        item.put("cAverage", d(cutoffs.average()));
        item.put("setBy", s(setBy));
        item.put("setAt", s(setAt));
        return item;
    }

    public static EvaluationRules fromItem(Map<String, AttributeValue> item) {
        return new EvaluationRules(Attr.str(item, "communityCode"), Attr.num(item, "version"),
                new Weights((int) Attr.num(item, "wHours"), (int) Attr.num(item, "wRecords"),
                        (int) Attr.num(item, "wAttendance"), (int) Attr.num(item, "wRating")),
                new Targets(dbl(item, "tHours"), (int) Attr.num(item, "tRecords"), dbl(item, "tAttendanceRate"), dbl(item, "tRating")),
                new Cutoffs(dbl(item, "cGood"), dbl(item, "cFairlyGood"), dbl(item, "cAverage")),
                Attr.str(item, "setBy"), Attr.str(item, "setAt"));
    }

    static AttributeValue d(double v) {
        return AttributeValue.fromN(java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }

    static double dbl(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Double.parseDouble(v.n());
    }
}
