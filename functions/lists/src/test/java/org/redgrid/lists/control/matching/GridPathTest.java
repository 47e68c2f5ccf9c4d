package org.redgrid.lists.control.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridPathTest {

    @Test
    void codesRoundTripAtEveryLevel() {
        for (GridPath p : new GridPath[] {GridPath.street("S01"), GridPath.community("S01", "C02"),
                GridPath.grid("S01", "C02", "G03")}) {
            assertThat(GridPath.parse(p.code())).isEqualTo(p);
        }
        assertThat(GridPath.grid("S01", "C02", "G03").code()).isEqualTo("S01/C02/G03");
        assertThatThrownBy(() -> GridPath.parse("S/C/G/B")).isInstanceOf(InvalidBatchException.class);
    }

    @Test
    void reachIsTheMostSpecificContainingArea() {
        GridPath demand = GridPath.grid("S1", "C1", "G1");
        assertThat(GridPath.grid("S1", "C1", "G1").reach(demand)).isEqualTo(GridPath.Proximity.SAME_GRID);
        assertThat(GridPath.community("S1", "C1").reach(demand)).isEqualTo(GridPath.Proximity.SAME_COMMUNITY);
        assertThat(GridPath.street("S1").reach(demand)).isEqualTo(GridPath.Proximity.SAME_STREET);
        assertThat(GridPath.grid("S1", "C1", "G2").reach(demand)).isEqualTo(GridPath.Proximity.NONE);
        assertThat(GridPath.community("S1", "C2").reach(demand)).isEqualTo(GridPath.Proximity.NONE);
        assertThat(GridPath.street("S2").reach(demand)).isEqualTo(GridPath.Proximity.NONE);
    }
}
