package org.redgrid.checkin.boundary;

import java.time.LocalDate;

import org.redgrid.checkin.entity.Grade;
import org.redgrid.checkin.entity.MemberEvaluation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A member's final grade as their employer unit receives it (考评结果通知): what the Excel export and the printable
 * notice carry.
 *
 * @param noticeDate the day the community finalised the year
 */
@RegisterForReflection
public record GradeNotice(String memberId, String name, String employerCode, String employerName, String communityCode,
        String communityName, String year, Grade grade, String gradeLabel, double hours, long minutes, long records,
        String finalisedAt, LocalDate noticeDate) {

    static GradeNotice of(MemberEvaluation e, LocalDate noticeDate) {
        return new GradeNotice(e.memberId(), e.name(), e.employerCode(), e.employerName(), e.communityCode(),
                e.communityName(), e.year(), e.grade(), e.grade().label(), e.hours(), e.minutes(), e.records(),
                e.finalisedAt(), noticeDate);
    }
}
