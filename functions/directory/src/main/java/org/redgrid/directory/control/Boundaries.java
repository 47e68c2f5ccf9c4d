package org.redgrid.directory.control;

import static org.redgrid.kernel.dynamo.Attr.n;
import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.redgrid.directory.entity.Keys;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Grid boundaries (网格边界) as GeoJSON Polygon/MultiPolygon in WGS-84 longitude/latitude, checked with JTS,
 * and the coarse cell index that answers "which grid contains this point" with one Query instead of a Scan.
 */
public final class Boundaries {

    /** Cell edge in degrees (about 2 km): a grid or building boundary covers a handful of cells. */
    static final double CELL = 0.02;
    /** Cells one boundary may cover; with its old cells and the node it must fit in one transaction. */
    static final int MAX_CELLS = 48;
    static final int MAX_POINTS = 5000;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Boundaries() {
    }

    /** A validated boundary: its GeoJSON text and geometry. */
    public record Boundary(String geoJson, Geometry geometry) {

        public List<long[]> cells() {
            Envelope e = geometry.getEnvelopeInternal();
            List<long[]> out = new ArrayList<>();
            for (long x = cellOf(e.getMinX()); x <= cellOf(e.getMaxX()); x++) {
                for (long y = cellOf(e.getMinY()); y <= cellOf(e.getMaxY()); y++) {
                    out.add(new long[] { x, y });
                }
            }
            return out;
        }
    }

    public static Boundary parse(JsonNode geoJson) {
        String type = geoJson.path("type").asText();
        JsonNode coordinates = geoJson.path("coordinates");
        Geometry geometry;
        int[] points = { 0 };
        if ("Polygon".equals(type)) {
            geometry = polygon(coordinates, points);
        } else if ("MultiPolygon".equals(type) && coordinates.isArray() && !coordinates.isEmpty()) {
            List<Polygon> polygons = new ArrayList<>();
            coordinates.forEach(p -> polygons.add(polygon(p, points)));
            geometry = GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        } else {
            throw invalid("BOUNDARY_TYPE", "边界须为 GeoJSON Polygon 或 MultiPolygon");
        }
        IsValidOp validity = new IsValidOp(geometry);
        if (!validity.isValid()) {
            throw invalid("BOUNDARY_INVALID", "边界图形无效（" + validity.getValidationError().getMessage() + "）");
        }
        Boundary boundary = new Boundary(text(geoJson), geometry);
        if (boundary.cells().size() > MAX_CELLS) {
            throw invalid("BOUNDARY_TOO_LARGE", "边界范围过大，网格或楼栋的边界不应超过约 12 公里见方");
        }
        return boundary;
    }

    public static Boundary fromText(String geoJson) {
        try {
            return parse(JSON.readTree(geoJson));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored boundary is not JSON", e);
        }
    }

    public static JsonNode tree(String geoJson) {
        try {
            return geoJson == null ? null : JSON.readTree(geoJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored boundary is not JSON", e);
        }
    }

    public static boolean contains(String geoJson, double lon, double lat) {
        return fromText(geoJson).geometry().covers(GEOMETRY.createPoint(new Coordinate(lon, lat)));
    }

    public static long cellOf(double degrees) {
        return (long) Math.floor(degrees / CELL);
    }

    /** The index item that lists node {@code code} in cell (x, y). */
    public static Map<String, AttributeValue> cellItem(long[] cell, String code, String at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SingleTable.PK, s(Keys.cell(cell[0], cell[1])));
        item.put(SingleTable.SK, s(Keys.node(code)));
        item.put("code", s(code));
        item.put("x", n(cell[0]));
        item.put("y", n(cell[1]));
        item.put("updatedAt", s(at));
        return item;
    }

    private static Polygon polygon(JsonNode rings, int[] points) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw invalid("BOUNDARY_INVALID", "多边形至少需要一个闭合环");
        }
        List<LinearRing> linear = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw invalid("BOUNDARY_INVALID", "每个环至少需要 4 个坐标点且首尾相同");
            }
            Coordinate[] coords = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode p = ring.get(i);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw invalid("BOUNDARY_INVALID", "坐标须为 [经度, 纬度] 数值");
                }
                double lon = p.get(0).asDouble();
                double lat = p.get(1).asDouble();
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    throw invalid("BOUNDARY_INVALID", "坐标超出经纬度范围");
                }
                coords[i] = new Coordinate(lon, lat);
            }
            if (!coords[0].equals2D(coords[coords.length - 1])) {
                throw invalid("BOUNDARY_INVALID", "环的首尾坐标必须相同");
            }
            points[0] += coords.length;
            if (points[0] > MAX_POINTS) {
                throw invalid("BOUNDARY_TOO_DETAILED", "边界坐标点过多（最多 " + MAX_POINTS + " 个）");
            }
            linear.add(GEOMETRY.createLinearRing(coords));
        }
        return GEOMETRY.createPolygon(linear.get(0), linear.subList(1, linear.size()).toArray(LinearRing[]::new));
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid(String code, String message) {
        return ProblemException.invalidField("boundary", code, message);
    }
}
