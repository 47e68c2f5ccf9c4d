package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A member's year-end evaluation (年终考评) at their community: the grade the rules propose with its breakdown,
 * the grade given (the proposal, or a reviewer's override), and, once the community finalises, the grade their
 * employer unit reads.
 *
 * @param served      whether the member has verified service in the year (the employer's participation counts it)
 * @param finalisedAt when the community finalised the year; null before
 */
@RegisterForReflection
public record MemberEvaluation(String memberId, String name, String employerCode, String employerName,
        String communityCode, String communityName, String gridCode, String year, double score, Grade proposedGrade,
        Grade grade, boolean overridden, List<EvaluationRules.Criterion> breakdown, long minutes, long records,
        long rulesVersion, boolean served, long version, String finalisedAt, String updatedAt) {

    public double hours() {
        return EvaluationRules.round(minutes / 60.0, 2);
    }

    public boolean finalised() {
        return finalisedAt != null;
    }

    public MemberEvaluation overriddenTo(Grade to, String at) {
        return new MemberEvaluation(memberId, name, employerCode, employerName, communityCode, communityName, gridCode, year,
                score, proposedGrade, to, true, breakdown, minutes, records, rulesVersion, served, version + 1, finalisedAt, at);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(EvaluationKeys.evaluations(communityCode, year), memberId));
        item.put("memberId", s(memberId));
        item.put("name", s(name));
        item.put("employerCode", s(employerCode));
        item.put("employerName", s(employerName));
        item.put("communityCode", s(communityCode));
        item.put("communityName", s(communityName));
        item.put("gridCode", s(gridCode));
        item.put("year", s(year));
        item.put("score", EvaluationRules.d(score));
        item.put("proposedGrade", s(proposedGrade.name()));
        item.put("grade", s(grade.name()));
        item.put("overridden", AttributeValue.fromBool(overridden));
        item.put("breakdown", AttributeValue.fromL(breakdown.stream().map(c -> AttributeValue.fromM(Map.of(
                "criterion", s(c.criterion()), "value", EvaluationRules.d(c.value()), "target", EvaluationRules.d(c.target()),
                "weight", Attr.n(c.weight()), "contribution", EvaluationRules.d(c.contribution()),
                "applies", AttributeValue.fromBool(c.applies())))).toList()));
        item.put("minutes", Attr.n(minutes));
        item.put("records", Attr.n(records));
        item.put("rulesVersion", Attr.n(rulesVersion));
        item.put("served", AttributeValue.fromBool(served));
        item.put("version", Attr.n(version));
        item.put("updatedAt", s(updatedAt));
        if (finalisedAt != null) {
            // The employer's sparse index: only final grades reach it.
            item.put("finalisedAt", s(finalisedAt));
            item.put(SingleTable.GSI1PK, s(EvaluationKeys.employerGrades(employerCode, year)));
            item.put(SingleTable.GSI1SK, s(communityCode + "#" + memberId));
        }
        return item;
    }

    public static MemberEvaluation fromItem(Map<String, AttributeValue> item) {
        List<EvaluationRules.Criterion> breakdown = item.get("breakdown").l().stream().map(AttributeValue::m)
                .map(m -> new EvaluationRules.Criterion(Attr.str(m, "criterion"), EvaluationRules.dbl(m, "value"),
                        EvaluationRules.dbl(m, "target"), (int) Attr.num(m, "weight"), EvaluationRules.dbl(m, "contribution"),
                        Boolean.TRUE.equals(m.get("applies").bool())))
                .toList();
        return new MemberEvaluation(Attr.str(item, "memberId"), Attr.str(item, "name"), Attr.str(item, "employerCode"),
                Attr.str(item, "employerName"), Attr.str(item, "communityCode"), Attr.str(item, "communityName"),
                Attr.str(item, "gridCode"), Attr.str(item, "year"), EvaluationRules.dbl(item, "score"),
                Grade.valueOf(Attr.str(item, "proposedGrade")), Grade.valueOf(Attr.str(item, "grade")),
                Boolean.TRUE.equals(item.get("overridden").bool()), breakdown, Attr.num(item, "minutes"),
                Attr.num(item, "records"), Attr.num(item, "rulesVersion"), Boolean.TRUE.equals(item.get("served").bool()),
                Attr.num(item, "version"), Attr.str(item, "finalisedAt"), Attr.str(item, "updatedAt"));
    }
}
