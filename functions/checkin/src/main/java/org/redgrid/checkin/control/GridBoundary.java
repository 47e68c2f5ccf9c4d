package org.redgrid.checkin.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How far a phone is from a grid's boundary (网格边界), in metres. The boundary (GeoJSON Polygon or MultiPolygon,
 * validated by the directory when it was drawn) is projected onto a plane in metres around the phone, which is
 * exact enough over a grid's few hundred metres and keeps the tolerance in metres.
 */
final class GridBoundary {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    private GridBoundary() {
    }

    /** 0 inside or on the boundary, else the distance to it. */
    static double metresOutside(String geoJson, double lon, double lat) {
        JsonNode tree;
        try {
            tree = JSON.readTree(geoJson);
        } catch (IOException e) {
            throw new IllegalStateException("stored boundary is not JSON", e);
        }
        double lonScale = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
        List<Polygon> polygons = new ArrayList<>();
        JsonNode coordinates = tree.path("coordinates");
        if ("Polygon".equals(tree.path("type").asText())) {
            polygons.add(polygon(coordinates, lon, lat, lonScale));
        } else {
            coordinates.forEach(p -> polygons.add(polygon(p, lon, lat, lonScale)));
        }
        Geometry area = GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        return area.distance(GEOMETRY.createPoint(new Coordinate(0, 0)));
    }

    private static Polygon polygon(JsonNode rings, double lon0, double lat0, double lonScale) {
        List<LinearRing> linear = new ArrayList<>();
        for (JsonNode ring : rings) {
            Coordinate[] coords = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                coords[i] = new Coordinate((ring.get(i).get(0).asDouble() - lon0) * lonScale,
                        (ring.get(i).get(1).asDouble() - lat0) * METRES_PER_DEGREE_LAT);
            }
            linear.add(GEOMETRY.createLinearRing(coords));
        }
        return GEOMETRY.createPolygon(linear.get(0), linear.subList(1, linear.size()).toArray(LinearRing[]::new));
    }
}
