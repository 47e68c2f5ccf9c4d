package org.redgrid.lists.control.matching;

/**
 * 评分项: one criterion of a pair's fit.
 *
 * @param score the criterion's score in thousandths (0–1000)
 * @param weight the community's weight for it
 * @param contribution score × weight, the part it adds to the fit
 */
public record FitComponent(Criterion criterion, int score, int weight, int contribution) {
}
