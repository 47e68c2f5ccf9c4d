package org.redgrid.lists.control.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** 匹配评分规则: whether a resource may serve a demand, and how well, under a community's weights. */
final class FitScorer {

    /** Distance at which proximity falls to half (metres). */
    static final double HALF_SCORE_METRES = 1000;

    private static final Criterion[] CRITERIA = Criterion.values();

    private final MatchWeights weights;

    FitScorer(MatchWeights weights) {
        this.weights = weights;
    }

    /**
     * Fills {@code scores} (indexed by criterion ordinal, thousandths) and returns the fit, or -1 when the resource may
     * not serve the demand: it does not cover the demand's grid, shares neither its category nor a needed skill, or is
     * not available in its window. The caller brings the three set facts of the pair ({@link #explain} from the sets,
     * the candidate graph from its compact index), so that the rest of the rule has one home.
     *
     * @param reach the most specific area of the resource containing the demand's grid
     * @param sameCategory whether the resource serves the demand's category
     * @param skillsMet how many of the demand's skills the resource brings
     */
    int score(Demand demand, Resource resource, GridPath.Proximity reach, boolean sameCategory, int skillsMet,
            int[] scores) {
        if (reach == GridPath.Proximity.NONE || !sameCategory && skillsMet == 0) {
            return -1;
        }
        int time = timeScore(demand, resource);
        if (time == 0) {
            return -1;
        }
        scores[Criterion.CATEGORY.ordinal()] = sameCategory ? 1000 : 0;
        scores[Criterion.SKILL.ordinal()] = demand.skills().isEmpty() ? 1000 : thousandths(skillsMet, demand.skills().size());
        scores[Criterion.PROXIMITY.ordinal()] = demand.centre() != null && resource.centre() != null
                ? (int) Math.round(1000 * HALF_SCORE_METRES / (HALF_SCORE_METRES + demand.centre().metresTo(resource.centre())))
                : reach.milli;
        scores[Criterion.TIME.ordinal()] = time;
        scores[Criterion.URGENCY.ordinal()] = 1000 * demand.urgency() / Demand.MAX_URGENCY;
        int total = 0;
        for (Criterion c : CRITERIA) {
            total += scores[c.ordinal()] * weights.of(c);
        }
        return total;
    }

    /** The breakdown of a pair the resource may serve. */
    Fit explain(Demand demand, Resource resource) {
        int[] scores = new int[CRITERIA.length];
        int total = score(demand, resource, reach(demand, resource), resource.categories().contains(demand.category()),
                skillsMet(demand.skills(), resource.skills()), scores);
        if (total < 0) {
            throw new IllegalArgumentException("资源 " + resource.id() + " 不能承接需求 " + demand.id());
        }
        List<FitComponent> components = new ArrayList<>(CRITERIA.length);
        for (Criterion c : CRITERIA) {
            int s = scores[c.ordinal()];
            components.add(new FitComponent(c, s, weights.of(c), s * weights.of(c)));
        }
        String near = demand.centre() != null && resource.centre() != null
                ? String.format("相距 %.1f 公里", demand.centre().metresTo(resource.centre()) / 1000)
                : reach(demand, resource).zh;
        String category = scores[Criterion.CATEGORY.ordinal()] > 0 ? "类别相符" : "类别不同";
        String skills = demand.skills().isEmpty() ? "无技能要求"
                : "技能匹配 " + skillsMet(demand.skills(), resource.skills()) + "/" + demand.skills().size();
        String time = demand.window() == null || resource.availability() == null ? "时间不限"
                : "时间重叠 " + Math.round(scores[Criterion.TIME.ordinal()] / 10.0) + "%";
        String explanation = String.join("；", near, category, skills, time, "紧急程度 " + demand.urgency());
        return new Fit(total, components, explanation);
    }

    private static GridPath.Proximity reach(Demand demand, Resource resource) {
        GridPath.Proximity best = GridPath.Proximity.NONE;
        for (GridPath area : resource.covers()) {
            GridPath.Proximity p = area.reach(demand.grid());
            if (p.compareTo(best) > 0) {
                best = p;
            }
        }
        return best;
    }

    private static int skillsMet(Set<String> needed, Set<String> offered) {
        int met = 0;
        for (String s : needed) {
            if (offered.contains(s)) {
                met++;
            }
        }
        return met;
    }

    /** Share of the demand's window the resource is available in; 1000 when either is open-ended. */
    private static int timeScore(Demand demand, Resource resource) {
        if (demand.window() == null || resource.availability() == null) {
            return 1000;
        }
        long overlap = demand.window().overlapSeconds(resource.availability());
        // Any real overlap scores at least 1 so that a thin overlap still counts as available.
        return overlap == 0 ? 0 : Math.max(1, thousandths(overlap, demand.window().seconds()));
    }

    private static int thousandths(long part, long whole) {
        return (int) Math.round(1000.0 * part / whole);
    }
}
