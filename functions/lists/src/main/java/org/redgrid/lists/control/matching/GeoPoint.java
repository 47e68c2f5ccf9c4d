package org.redgrid.lists.control.matching;

/** 网格中心点: a grid's centre in WGS-84 degrees. */
public record GeoPoint(double lon, double lat) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        InvalidBatchException.require(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, "MATCH_BAD_POINT",
                "中心点经纬度超出范围");
    }

    /** Great-circle distance in metres (haversine). */
    double metresTo(GeoPoint other) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lon - lon);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
