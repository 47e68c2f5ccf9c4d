package org.redgrid.lists.control;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;

/** The grid as the three lists read it (kernel {@link GridPort}): nodes named in paths and in request bodies. */
@ApplicationScoped
public class ListsGrid {

    static final String STREET = "STREET";
    static final String COMMUNITY = "COMMUNITY";
    private static final String BUILDING = "BUILDING";
    private static final Set<String> GRIDS = Set.of("GRID", "SPECIAL_GRID");
    /**
     * How deep each level the lists use lies in the tree (district → street → community → grid): demands, resources
     * and projects are counted on the community and street above them, and the matcher compares those codes.
     */
    private static final Map<String, Integer> DEPTH = Map.of(STREET, 2, COMMUNITY, 3, "GRID", 4, "SPECIAL_GRID", 4);

    @Inject
    GridPort grid;

    /** The node a path or query names, or 404 NODE_NOT_FOUND. */
    public GridPort.Place node(String code) {
        return grid.where(code).orElseThrow(() -> ProblemException.notFound("NODE_NOT_FOUND", "网格节点 " + code + " 不存在"));
    }

    /** The active node a body field names, on one of {@code levels}; 400 naming the field otherwise. */
    public GridPort.Place named(String field, String code, Set<String> levels, String wrongLevel) {
        GridPort.Place place = grid.where(code).filter(GridPort.Place::active)
                .orElseThrow(() -> ProblemException.invalidField(field, "NOT_FOUND", "网格节点 " + code + " 不存在"));
        if (!levels.contains(place.level()) || place.pathCodes().size() != DEPTH.getOrDefault(place.level(), 0)) {
            throw ProblemException.invalidField(field, "WRONG_LEVEL", wrongLevel);
        }
        return place;
    }

    /**
     * The grid a body field names; a building (楼栋) stands for the grid above it, because residents know their home
     * building (GET /directory/me) but may not read the tree to find its grid.
     */
    public GridPort.Place gridNamed(String field, String code) {
        String gridCode = grid.where(code).filter(p -> BUILDING.equals(p.level()) && p.pathCodes().size() > DEPTH.get("GRID"))
                .map(p -> p.pathCodes().get(DEPTH.get("GRID") - 1)).orElse(code);
        return named(field, gridCode, GRIDS, "须为社区下的网格或其中的楼栋");
    }

}
