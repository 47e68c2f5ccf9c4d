package org.redgrid.lists.control.matching;

/** 网格中心点: a grid's centre in WGS-84 degrees. */
public record GeoPoint(double lon, double lat) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        InvalidBatchException.require(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, "MATCH_BAD_POINT",
                "中心点经纬度超出范围");
    }

    /**
     * Distance in metres on the equirectangular projection: within a district (tens of kilometres) it differs from the
     * great-circle distance by far less than the grid sizes, and it costs one cosine instead of haversine's five
     * trigonometric calls on the matcher's hottest path.
     */
    double metresTo(GeoPoint other) {
        double x = Math.toRadians(other.lon - lon) * Math.cos(Math.toRadians((lat + other.lat) / 2));
        double y = Math.toRadians(other.lat - lat);
        return EARTH_RADIUS_M * Math.sqrt(x * x + y * y);
    }
}
