package org.redgrid.lists.control.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final Matcher MATCHER = new Matcher(MatchWeights.DEFAULT);

    @Property(tries = 200)
    void proposalIsTheBruteForceOptimumAndRespectsCapacity(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 7) int demands, @ForAll @IntRange(min = 0, max = 5) int resources) {
        Random rnd = new Random(seed);
        List<Resource> batchResources = Batches.resources(rnd, resources);
        CandidateGraph graph = MATCHER.candidates(Batches.demands(rnd, demands), batchResources);
        MatchProposal proposal = MATCHER.propose(graph);

        assertThat(proposal.totalFit()).isEqualTo(Batches.bare(graph).bruteForce());
        Map<String, Integer> load = new HashMap<>();
        proposal.pairs().forEach(p -> load.merge(p.resourceId(), 1, Integer::sum));
        batchResources.forEach(r -> assertThat(load.getOrDefault(r.id(), 0)).isLessThanOrEqualTo(r.capacity()));
        assertThat(proposal.pairs()).extracting(MatchPair::demandId).doesNotHaveDuplicates();
        assertThat(proposal.pairs().size() + proposal.unmatchedDemandIds().size()).isEqualTo(demands);
    }

    @Property(tries = 10)
    void largerBatchesReachJGraphTsOptimum(@ForAll long seed) {
        Random rnd = new Random(seed);
        CandidateGraph graph = MATCHER.candidates(Batches.demands(rnd, 150), Batches.resources(rnd, 100));
        assertThat(MATCHER.propose(graph).totalFit()).isEqualTo(Batches.bare(graph).jgrapht());
    }

    @Property(tries = 100)
    void sameBatchInAnyOrderGivesTheSameProposal(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int demands,
            @ForAll @IntRange(min = 0, max = 30) int resources) {
        Random rnd = new Random(seed);
        List<Demand> d = Batches.demands(rnd, demands);
        List<Resource> r = Batches.resources(rnd, resources);
        MatchProposal first = MATCHER.propose(d, r);
        List<Demand> d2 = new ArrayList<>(d);
        List<Resource> r2 = new ArrayList<>(r);
        Collections.shuffle(d2, rnd);
        Collections.shuffle(r2, rnd);
        assertThat(MATCHER.propose(d2, r2)).isEqualTo(first);
    }

    @Property(tries = 100)
    void everyPairIsExplainedAndItsComponentsSumToItsFit(@ForAll long seed) {
        Random rnd = new Random(seed);
        MatchProposal proposal = MATCHER.propose(Batches.demands(rnd, 20), Batches.resources(rnd, 10));
        long total = 0;
        for (MatchPair p : proposal.pairs()) {
            Fit fit = p.fit();
            assertThat(fit.components()).extracting(FitComponent::criterion).containsExactly(Criterion.values());
            assertThat(fit.components()).allSatisfy(c -> {
                assertThat(c.score()).isBetween(0, 1000);
                assertThat(c.contribution()).isEqualTo(c.score() * c.weight());
            });
            assertThat(fit.components().stream().mapToInt(FitComponent::contribution).sum()).isEqualTo(fit.total());
            assertThat(fit.explanation()).contains("紧急程度").contains("；");
            total += fit.total();
        }
        assertThat(proposal.totalFit()).isEqualTo(total);
    }

    @Property(tries = 50)
    void theGraphsFitsAreTheExplainedFits(@ForAll long seed) {
        Random rnd = new Random(seed);
        CandidateGraph graph = MATCHER.candidates(Batches.demands(rnd, 20), Batches.resources(rnd, 10));
        for (int i = 0; i < graph.demandCount(); i++) {
            for (int e = graph.edgeStart(i); e < graph.edgeStart(i + 1); e++) {
                assertThat(graph.explain(i, e).total()).isEqualTo(graph.edgeFit(e)).isPositive();
            }
        }
    }

    @Test
    void identicalResourcesAreTiedAndTheTieIsSettledTheSameWayInAnyOrder() {
        List<Demand> demands = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            demands.add(new Demand("D" + i, "C01", Set.of(), Batches.grid(0, 0), null, null, 3));
            resources.add(new Resource("R" + i, Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null, null, 1));
        }
        MatchProposal first = MATCHER.propose(demands, resources.subList(0, 4));
        assertThat(first.pairs()).hasSize(4);
        Random rnd = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<Demand> d = new ArrayList<>(demands);
            List<Resource> r = new ArrayList<>(resources.subList(0, 4));
            Collections.shuffle(d, rnd);
            Collections.shuffle(r, rnd);
            assertThat(MATCHER.propose(d, r)).isEqualTo(first);
        }
    }

    @Test
    void explainsAPairInWords() {
        Demand demand = new Demand("D1", "C01", Set.of("电工", "理发", "法律"), Batches.grid(0, 0), null,
                Batches.hours(8, 13), 4);
        Resource resource = new Resource("R1", Set.of("C01"), Set.of("电工", "理发"), List.of(Batches.grid(0, 0)), null,
                Batches.hours(9, 18), 1);
        MatchPair pair = MATCHER.propose(List.of(demand), List.of(resource)).pairs().get(0);

        assertThat(pair.fit().explanation()).isEqualTo("同一网格；类别相符；技能匹配 2/3；时间重叠 80%；紧急程度 4");
        assertThat(pair.fit().components()).extracting(FitComponent::score).containsExactly(1000, 667, 1000, 800, 800);
        assertThat(pair.fit().total()).isEqualTo(30 * 1000 + 30 * 667 + 20 * 1000 + 10 * 800 + 10 * 800);
    }

    @Test
    void proximityComesFromTheGridTreeOrFromTheDistanceBetweenCentres() {
        Demand demand = new Demand("D1", "C01", Set.of(), Batches.grid(0, 0), null, null, 1);
        assertThat(onlyPair(demand, GridPath.community("S1", "C0"), null).explanation()).startsWith("同一社区；");
        assertThat(onlyPair(demand, GridPath.street("S1"), null).explanation()).startsWith("同一街道；");

        Demand located = new Demand("D1", "C01", Set.of(), Batches.grid(0, 0), new GeoPoint(116.30, 39.90), null, 1);
        // 0.01° of longitude at 39.9°N is about 853 m.
        Fit fit = onlyPair(located, GridPath.street("S1"), new GeoPoint(116.31, 39.90));
        assertThat(fit.explanation()).startsWith("相距 0.9 公里；");
        assertThat(fit.components().get(Criterion.PROXIMITY.ordinal()).score()).isBetween(530, 545);
    }

    private static Fit onlyPair(Demand demand, GridPath covers, GeoPoint centre) {
        Resource r = new Resource("R1", Set.of("C01"), Set.of(), List.of(covers), centre, null, 1);
        return MATCHER.propose(List.of(demand), List.of(r)).pairs().get(0).fit();
    }

    @Test
    void weightsDecideBetweenNearAndSkilled() {
        Demand demand = new Demand("D1", "C01", Set.of("电工", "护理"), Batches.grid(0, 0), null, null, 3);
        Resource near = new Resource("NEAR", Set.of("C01"), Set.of(), List.of(Batches.grid(0, 0)), null, null, 1);
        Resource skilled = new Resource("SKILLED", Set.of("C01"), Set.of("电工", "护理"), List.of(GridPath.street("S1")),
                null, null, 1);
        List<Resource> both = List.of(near, skilled);

        assertThat(new Matcher(new MatchWeights(10, 10, 90, 10, 10)).propose(List.of(demand), both).pairs())
                .extracting(MatchPair::resourceId).containsExactly("NEAR");
        assertThat(new Matcher(new MatchWeights(10, 90, 10, 10, 10)).propose(List.of(demand), both).pairs())
                .extracting(MatchPair::resourceId).containsExactly("SKILLED");
    }

    @Test
    void urgencyWeightServesTheMoreUrgentDemandWhenResourcesAreScarce() {
        Demand calm = new Demand("D1", "C01", Set.of(), Batches.grid(0, 0), null, null, 1);
        Demand urgent = new Demand("D2", "C01", Set.of(), Batches.grid(0, 1), null, null, 5);
        Resource one = new Resource("R1", Set.of("C01"), Set.of(), List.of(Batches.grid(0, 0), GridPath.street("S1")),
                null, null, 1);
        // Without urgency the same-grid demand wins; with it, the urgent one.
        assertThat(new Matcher(new MatchWeights(10, 10, 10, 10, 0)).propose(List.of(calm, urgent), List.of(one)).pairs())
                .extracting(MatchPair::demandId).containsExactly("D1");
        assertThat(new Matcher(new MatchWeights(10, 10, 10, 10, 10)).propose(List.of(calm, urgent), List.of(one)).pairs())
                .extracting(MatchPair::demandId).containsExactly("D2");
    }

    @Test
    void onlyResourcesThatMayServeAreCandidates() {
        Demand demand = new Demand("D1", "C01", Set.of("电工"), Batches.grid(0, 0), null, Batches.hours(8, 10), 3);
        List<Resource> resources = List.of(
                new Resource("OTHER_GRID", Set.of("C01"), Set.of(), List.of(Batches.grid(0, 1)), null, null, 1),
                new Resource("OTHER_COMMUNITY", Set.of("C01"), Set.of(), List.of(GridPath.community("S1", "C1")), null,
                        null, 1),
                new Resource("OTHER_STREET", Set.of("C01"), Set.of(), List.of(GridPath.street("S2")), null, null, 1),
                new Resource("OTHER_CATEGORY", Set.of("C02"), Set.of("理发"), List.of(GridPath.street("S1")), null, null, 1),
                new Resource("LATER", Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null, Batches.hours(10, 12), 1),
                new Resource("SKILL_ONLY", Set.of("C02"), Set.of("电工"), List.of(GridPath.street("S1")), null, null, 1),
                new Resource("CATEGORY_ONLY", Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null,
                        Batches.hours(9, 12), 1));
        CandidateGraph graph = MATCHER.candidates(List.of(demand), resources);
        List<String> candidates = new ArrayList<>();
        for (int e = graph.edgeStart(0); e < graph.edgeStart(1); e++) {
            candidates.add(graph.resource(graph.edgeResource(e)).id());
        }
        assertThat(candidates).containsExactly("CATEGORY_ONLY", "SKILL_ONLY");
    }

    @Test
    void keepsTheKBestCandidatesTiesToTheSmallerId() {
        Demand demand = new Demand("D1", "C01", Set.of(), Batches.grid(0, 0), null, null, 3);
        List<Resource> resources = List.of(
                new Resource("R4", Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null, null, 1),
                new Resource("R3", Set.of("C01"), Set.of(), List.of(GridPath.community("S1", "C0")), null, null, 1),
                new Resource("R2", Set.of("C01"), Set.of(), List.of(GridPath.community("S1", "C0")), null, null, 1),
                new Resource("R1", Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null, null, 1));
        CandidateGraph graph = new Matcher(MatchWeights.DEFAULT, 3).candidates(List.of(demand), resources);

        assertThat(graph.edgeCount()).isEqualTo(3);
        List<String> kept = new ArrayList<>();
        for (int e = 0; e < graph.edgeCount(); e++) {
            kept.add(graph.resource(graph.edgeResource(e)).id());
        }
        // The two same-community resources beat the street-wide ones; of those R1 beats R4 on id.
        assertThat(kept).containsExactly("R1", "R2", "R3");
    }

    @Test
    void emptyAndUnmatchableBatches() {
        assertThat(MATCHER.propose(List.of(), List.of())).isEqualTo(new MatchProposal(List.of(), 0, List.of(), 0));
        Demand demand = new Demand("D1", "C01", Set.of(), Batches.grid(0, 0), null, null, 3);
        assertThat(MATCHER.propose(List.of(demand), List.of()))
                .isEqualTo(new MatchProposal(List.of(), 0, List.of("D1"), 0));
        Resource elsewhere = new Resource("R1", Set.of("C01"), Set.of(), List.of(GridPath.street("S9")), null, null, 1);
        assertThat(MATCHER.propose(List.of(demand), List.of(elsewhere)).unmatchedDemandIds()).containsExactly("D1");
        assertThat(MATCHER.propose(List.of(), List.of(elsewhere)).pairs()).isEmpty();
    }

    @Test
    void aZeroWeightCommunityProposesNothing() {
        Demand demand = new Demand("D1", "C01", Set.of(), Batches.grid(0, 0), null, null, 3);
        Resource r = new Resource("R1", Set.of("C01"), Set.of(), List.of(Batches.grid(0, 0)), null, null, 1);
        assertThat(new Matcher(new MatchWeights(0, 0, 0, 0, 0)).propose(List.of(demand), List.of(r)).pairs()).isEmpty();
    }

    @Test
    void refusesBadInputWithAStableCode() {
        Demand d = new Demand("D1", "C01", Set.of(), Batches.grid(0, 0), null, null, 3);
        Resource r = new Resource("R1", Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null, null, 1);
        assertCode(() -> MATCHER.propose(List.of(d, d), List.of(r)), "MATCH_DUPLICATE_DEMAND");
        assertCode(() -> MATCHER.propose(List.of(d), List.of(r, r)), "MATCH_DUPLICATE_RESOURCE");
        assertCode(() -> new Resource("R2", Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null, null, 0),
                "MATCH_BAD_CAPACITY");
        assertCode(() -> new Resource("R2", Set.of("C01"), Set.of(), List.of(GridPath.street("S1")), null, null, -3),
                "MATCH_BAD_CAPACITY");
        assertCode(() -> new Resource("R2", Set.of("C01"), Set.of(), List.of(), null, null, 1), "MATCH_BAD_RESOURCE");
        assertCode(() -> new Demand("D2", "C01", Set.of(), Batches.grid(0, 0), null, null, 6), "MATCH_BAD_URGENCY");
        assertCode(() -> new Demand("D2", "C01", Set.of(), GridPath.community("S1", "C0"), null, null, 3),
                "MATCH_BAD_DEMAND");
        assertCode(() -> new Demand(" ", "C01", Set.of(), Batches.grid(0, 0), null, null, 3), "MATCH_BAD_DEMAND");
        assertCode(() -> Batches.hours(5, 5), "MATCH_BAD_WINDOW");
        assertCode(() -> new GeoPoint(200, 0), "MATCH_BAD_POINT");
        assertCode(() -> new GridPath("S1", null, "G1"), "MATCH_BAD_GRID_PATH");
        assertCode(() -> new MatchWeights(-1, 0, 0, 0, 0), "MATCH_BAD_WEIGHTS");
        assertCode(() -> new Matcher(MatchWeights.DEFAULT, 0), "MATCH_BAD_CANDIDATES");
        assertCode(() -> MATCHER.propose(null, List.of(r)), "MATCH_BAD_BATCH");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidBatchException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isNotBlank();
        });
    }
}
