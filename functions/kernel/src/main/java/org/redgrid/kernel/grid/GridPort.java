package org.redgrid.kernel.grid;

import java.util.List;
import java.util.Optional;

/**
 * "Where is node X in the grid tree" (网格定位), the port through which other domains read the grid; the directory
 * implements it. Other domains store node codes, which never change, and ask here for the current path when they
 * need it (a scope check, a roll-up); data that must be keyed by path is re-keyed when the directory's
 * {@code directory.NodeMoved} event arrives (see functions/README.md).
 */
public interface GridPort {

    /** The node, or empty when there is none with this code. */
    Optional<Place> where(String nodeCode);

    /**
     * A node's place in the tree.
     *
     * @param path      materialized path of codes, "/D01/S01/C01/G0101/" (what {@code Guard} checks scope against)
     * @param pathNames names root → node
     * @param level     DISTRICT, STREET, COMMUNITY, GRID, SPECIAL_GRID or BUILDING
     * @param boundary  GeoJSON Polygon/MultiPolygon text, or null
     */
    record Place(String code, String name, String level, String path, List<String> pathCodes, List<String> pathNames,
            String boundary, boolean active) {
    }
}
