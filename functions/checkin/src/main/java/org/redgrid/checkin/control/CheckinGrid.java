package org.redgrid.checkin.control;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;

/** The grid as the check-in domain reads it (kernel {@link GridPort}), with the refusals of nodes that are not there. */
@ApplicationScoped
public class CheckinGrid {

    private static final Set<String> GRID_LEVELS = Set.of("GRID", "SPECIAL_GRID");

    @Inject
    GridPort grid;

    /** The node a path names, or 404 NODE_NOT_FOUND. */
    public GridPort.Place node(String code) {
        return grid.where(code).orElseThrow(() -> ProblemException.notFound("NODE_NOT_FOUND", "网格节点 " + code + " 不存在"));
    }

    /** The active node a request body field names, or 400 NOT_FOUND on that field. */
    public GridPort.Place named(String field, String code) {
        return grid.where(code).filter(GridPort.Place::active)
                .orElseThrow(() -> ProblemException.invalidField(field, "NOT_FOUND", "网格节点 " + code + " 不存在"));
    }

    /** The active grid a request body field names; another level is 400 NOT_A_GRID with {@code notAGrid}. */
    public GridPort.Place gridNamed(String field, String code, String notAGrid) {
        GridPort.Place place = named(field, code);
        if (!isGrid(place)) {
            throw ProblemException.invalidField(field, "NOT_A_GRID", notAGrid);
        }
        return place;
    }

    static boolean isGrid(GridPort.Place place) {
        return GRID_LEVELS.contains(place.level());
    }
}
