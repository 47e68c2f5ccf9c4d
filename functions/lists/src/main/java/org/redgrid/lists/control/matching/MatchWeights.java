package org.redgrid.lists.control.matching;

/**
 * 匹配权重: how much each criterion counts in a community's fit. Each criterion scores 0–1000 (thousandths); its
 * contribution is that score times its weight, so fits are exact integers.
 */
public record MatchWeights(int category, int skill, int proximity, int time, int urgency) {

    /** Category and skills first, then nearness, then time and urgency. */
    public static final MatchWeights DEFAULT = new MatchWeights(30, 30, 20, 10, 10);

    /** Keeps every fit below 2^31 (5 criteria × 1000 × 400,000). */
    public static final int MAX_WEIGHT = 400_000;

    public MatchWeights {
        for (int w : new int[] {category, skill, proximity, time, urgency}) {
            InvalidBatchException.require(w >= 0 && w <= MAX_WEIGHT, "MATCH_BAD_WEIGHTS",
                    "匹配权重须在 0 到 " + MAX_WEIGHT + " 之间");
        }
    }

    int of(Criterion criterion) {
        return switch (criterion) {
            case CATEGORY -> category;
            case SKILL -> skill;
            case PROXIMITY -> proximity;
            case TIME -> time;
            case URGENCY -> urgency;
        };
    }
}
