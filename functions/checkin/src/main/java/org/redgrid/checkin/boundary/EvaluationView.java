package org.redgrid.checkin.boundary;

import java.util.List;

import org.redgrid.checkin.entity.EvaluationRules;
import org.redgrid.checkin.entity.Grade;
import org.redgrid.checkin.entity.MemberEvaluation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A member's year-end evaluation (年终考评) with its explanation: score, each criterion's value and share, the
 * proposed grade and the grade given.
 */
@RegisterForReflection
public record EvaluationView(String memberId, String name, String employerCode, String employerName, String communityCode,
        String communityName, String gridCode, String year, double score, Grade proposedGrade, Grade grade,
        String gradeLabel, boolean overridden, List<EvaluationRules.Criterion> breakdown, long minutes, double hours,
        long records, long rulesVersion, long version, boolean finalised, String finalisedAt) {

    static EvaluationView of(MemberEvaluation e) {
        return new EvaluationView(e.memberId(), e.name(), e.employerCode(), e.employerName(), e.communityCode(),
                e.communityName(), e.gridCode(), e.year(), e.score(), e.proposedGrade(), e.grade(), e.grade().label(),
                e.overridden(), e.breakdown(), e.minutes(), e.hours(), e.records(), e.rulesVersion(), e.version(),
                e.finalised(), e.finalisedAt());
    }
}
