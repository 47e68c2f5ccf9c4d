package org.redgrid.lists.control.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 匹配要素: the criteria a fit is made of. */
@Schema(name = "FitCriterion")
public enum Criterion {
    /** 类别相符: the resource serves the demand's category. */
    CATEGORY("类别"),
    /** 技能匹配: share of the needed skills the resource brings. */
    SKILL("技能"),
    /** 距离远近: same grid > same community > same street, or a decay with the distance between centres. */
    PROXIMITY("距离"),
    /** 时间重叠: share of the demand's window the resource is available in. */
    TIME("时间"),
    /** 紧急程度: more urgent demands gain more from being served. */
    URGENCY("紧急程度");

    private final String zh;

    Criterion(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
