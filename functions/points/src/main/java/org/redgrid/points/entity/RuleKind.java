package org.redgrid.points.entity;

/** What a rule of the catalogue pays for (规则类型). */
public enum RuleKind {
    /** 清洁户: a household whose monthly inspection sheet total reaches the rule's threshold. */
    INSPECTION,
    /** 志愿服务: per verified hour of service (check-in's ServiceVerified). */
    SERVICE_HOUR,
    /** 项目参与: per hour of participation in a completed project (three lists' ProjectCompleted). */
    PROJECT_HOUR,
    /** 项目受益: per completed project, to a beneficiary household. */
    PROJECT,
    /** 人工奖励类别: a category of manual award; a community may have several. */
    MANUAL;

    /** Kinds other than MANUAL have one rule per community, whose id is the kind's name. */
    public boolean single() {
        return this != MANUAL;
    }
}
