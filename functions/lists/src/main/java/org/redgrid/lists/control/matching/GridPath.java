package org.redgrid.lists.control.matching;

/**
 * 网格路径: where a demand is (street/community/grid) or what a resource covers. A resource's path may stop at the
 * community (whole community) or at the street (whole street): {@code community} and {@code grid} are then null.
 */
public record GridPath(String street, String community, String grid) {

    public GridPath {
        InvalidBatchException.require(street != null && !street.isBlank(), "MATCH_BAD_GRID_PATH", "网格路径缺少街道编码");
        InvalidBatchException.require(grid == null || community != null, "MATCH_BAD_GRID_PATH", "网格路径有网格编码却缺少社区编码");
    }

    public static GridPath grid(String street, String community, String grid) {
        return new GridPath(street, community, grid);
    }

    public static GridPath community(String street, String community) {
        return new GridPath(street, community, null);
    }

    public static GridPath street(String street) {
        return new GridPath(street, null, null);
    }

    /** How closely this covered area contains the demand's grid; {@link Proximity#NONE} when it does not. */
    Proximity reach(GridPath demandGrid) {
        if (!street.equals(demandGrid.street)) {
            return Proximity.NONE;
        }
        if (community == null) {
            return Proximity.SAME_STREET;
        }
        if (!community.equals(demandGrid.community)) {
            return Proximity.NONE;
        }
        if (grid == null) {
            return Proximity.SAME_COMMUNITY;
        }
        return grid.equals(demandGrid.grid) ? Proximity.SAME_GRID : Proximity.NONE;
    }

    /** The path as one code, parts joined by '/': "S01", "S01/C02" or "S01/C02/G03". */
    public String code() {
        String[] keys = containingKeys();
        return keys[keys.length - 1];
    }

    /** The path of a {@link #code()}. */
    public static GridPath parse(String code) {
        InvalidBatchException.require(code != null, "MATCH_BAD_GRID_PATH", "网格路径不能为空值");
        String[] parts = code.split("/", -1);
        InvalidBatchException.require(parts.length <= 3, "MATCH_BAD_GRID_PATH", "网格路径最多三级：" + code);
        return new GridPath(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
    }

    /** Codes of every area containing this path, widest first: its street, its community, itself. */
    String[] containingKeys() {
        if (community == null) {
            return new String[] {street};
        }
        String c = street + '/' + community;
        return grid == null ? new String[] {street, c} : new String[] {street, c, c + '/' + grid};
    }

    /** 邻近程度 by the grid tree, best last. */
    enum Proximity {
        NONE(0, ""), SAME_STREET(300, "同一街道"), SAME_COMMUNITY(600, "同一社区"), SAME_GRID(1000, "同一网格");

        /** Score in thousandths. */
        final int milli;
        final String zh;

        Proximity(int milli, String zh) {
            this.milli = milli;
            this.zh = zh;
        }
    }
}
