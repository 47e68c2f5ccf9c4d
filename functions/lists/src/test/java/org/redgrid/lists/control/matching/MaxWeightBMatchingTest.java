package org.redgrid.lists.control.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MaxWeightBMatchingTest {

    @Property(tries = 400)
    void optimumEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 7) int demands,
            @ForAll @IntRange(min = 1, max = 5) int resources, @ForAll @IntRange(min = 1, max = 9) int maxWeight) {
        BipartiteInstance g = BipartiteInstance.random(new Random(seed), demands, resources, 4, maxWeight, 3);
        int[] match = g.solve();
        assertFeasible(g, match);
        assertThat(g.total(match)).isEqualTo(g.bruteForce());
    }

    @Property(tries = 60)
    void optimumEqualsJGraphT(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int demands,
            @ForAll @IntRange(min = 1, max = 50) int resources, @ForAll @IntRange(min = 1, max = 1000) int maxWeight) {
        BipartiteInstance g = BipartiteInstance.random(new Random(seed), demands, resources, 8, maxWeight, 4);
        int[] match = g.solve();
        assertFeasible(g, match);
        assertThat(g.total(match)).isEqualTo(g.jgrapht());
    }

    @Test
    void leavesADemandUnmatchedRatherThanLoseWeight() {
        // d0 fits r0 by 5; d1 fits r0 by 9 and nothing else. r0 takes one: d1 is worth more, d0 stays unmatched.
        BipartiteInstance g = new BipartiteInstance(new int[] {0, 1, 2}, new int[] {0, 0}, new int[] {5, 9}, new int[] {1});
        assertThat(g.solve()).containsExactly(-1, 1);
    }

    @Test
    void reroutesEarlierDemandsWhenALaterOneNeedsTheirResource() {
        // d0 prefers r0 (10) over r1 (8); d1 only fits r0 (10). Optimum 18 moves d0 to r1.
        BipartiteInstance g = new BipartiteInstance(new int[] {0, 2, 3}, new int[] {0, 1, 0}, new int[] {10, 8, 10},
                new int[] {1, 1});
        int[] match = g.solve();
        assertThat(g.total(match)).isEqualTo(18);
        assertThat(match).containsExactly(1, 2);
    }

    @Test
    void capacityTakesSeveralDemands() {
        BipartiteInstance g = new BipartiteInstance(new int[] {0, 1, 2, 3}, new int[] {0, 0, 0}, new int[] {3, 2, 1},
                new int[] {2});
        assertThat(g.solve()).containsExactly(0, 1, -1);
    }

    @Test
    void emptyGraphs() {
        assertThat(new BipartiteInstance(new int[] {0}, new int[0], new int[0], new int[0]).solve()).isEmpty();
        assertThat(new BipartiteInstance(new int[] {0, 0, 0}, new int[0], new int[0], new int[] {1}).solve())
                .containsExactly(-1, -1);
    }

    private static void assertFeasible(BipartiteInstance g, int[] match) {
        int[] load = new int[g.capacity().length];
        for (int i = 0; i < match.length; i++) {
            int e = match[i];
            if (e >= 0) {
                assertThat(e).isBetween(g.edgeStart()[i], g.edgeStart()[i + 1] - 1);
                load[g.edgeResource()[e]]++;
            }
        }
        for (int r = 0; r < load.length; r++) {
            assertThat(load[r]).isLessThanOrEqualTo(g.capacity()[r]);
        }
    }
}
