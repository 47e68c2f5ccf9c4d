package org.redgrid.lists.control.matching;

/** 匹配建议: one proposed demand–resource pair with its score breakdown, for staff to accept, edit or reject. */
public record MatchPair(String demandId, String resourceId, Fit fit) {
}
