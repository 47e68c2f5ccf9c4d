package org.redgrid.lists.control.matching;

import java.util.List;

/**
 * 匹配方案: the assignment of a batch with the greatest total fit over its candidate graph.
 *
 * @param pairs proposed pairs, by demand id
 * @param totalFit sum of the pairs' fits, the optimum
 * @param unmatchedDemandIds demands left without a resource, by id
 * @param candidateEdges how many candidate pairs the optimum was taken over
 */
public record MatchProposal(List<MatchPair> pairs, long totalFit, List<String> unmatchedDemandIds, int candidateEdges) {

    public MatchProposal {
        pairs = List.copyOf(pairs);
        unmatchedDemandIds = List.copyOf(unmatchedDemandIds);
    }
}
