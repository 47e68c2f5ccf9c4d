package org.redgrid.checkin.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.redgrid.checkin.entity.EvaluationRules;

/**
 * A new version of a community's evaluation rules (考评规则), as the community admin sets it.
 *
 * @param baseVersion the version the admin edited; another version set meanwhile is 409 VERSION_CONFLICT
 */
public record NewRules(@Valid @NotNull(message = "请填写各项权重") EvaluationRules.Weights weights,
        @Valid @NotNull(message = "请填写各项满分值") EvaluationRules.Targets targets,
        @Valid @NotNull(message = "请填写等次分数线") EvaluationRules.Cutoffs cutoffs, Long baseVersion) {
}
