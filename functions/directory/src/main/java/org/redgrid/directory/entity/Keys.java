package org.redgrid.directory.entity;

/**
 * Key shapes of DirectoryTable (attribute and index names are the kernel's {@code SingleTable} layout);
 * template.yaml documents the same table and its access patterns.
 * Paths are materialized ("/D01/S01/C01/G01/"), so a subtree is one begins_with on a path-sorted index.
 */
public final class Keys {

    public static final String NODE_SK = "NODE";
    public static final String PROFILE_SK = "PROFILE";
    public static final String POSITION_SK_PREFIX = "POSITION#";
    public static final String HOUSEHOLD_SK = "HOUSEHOLD";
    public static final String UNIT_SK = "UNIT";
    public static final String ACCOUNT_SK = "ACCOUNT";
    public static final String ID_NUMBER_SK = "IDNUMBER";

    private Keys() {
    }

    public static String node(String code) {
        return "NODE#" + code;
    }

    public static String children(String parentCode) {
        return "CHILDREN#" + parentCode;
    }

    public static String nodes(String path) {
        return "NODES#" + root(path);
    }

    public static String person(String id) {
        return "PERSON#" + id;
    }

    public static String people(String path) {
        return "PEOPLE#" + root(path);
    }

    public static String positionSk(String nodeCode, PositionType type) {
        return POSITION_SK_PREFIX + nodeCode + "#" + type.name();
    }

    public static String holders(PositionType type, String path) {
        return "POSITION#" + type.name() + "#" + root(path);
    }

    public static String household(String id) {
        return "HOUSEHOLD#" + id;
    }

    public static String households(String path) {
        return "HOUSEHOLDS#" + root(path);
    }

    public static String unit(String id) {
        return "UNIT#" + id;
    }

    public static String units(String path) {
        return "UNITS#" + root(path);
    }

    public static String account(String username) {
        return "ACCOUNT#" + username;
    }

    /** The uniqueness item of a 身份证号: one person per ID number in the deployment. */
    public static String idNumber(String idNumber) {
        return "IDNUMBER#" + idNumber;
    }

    /** A node's activity feed, sorted by time. */
    public static String activity(String nodeCode) {
        return "ACTIVITY#" + nodeCode;
    }

    public static String cell(long x, long y) {
        return "CELL#" + x + ":" + y;
    }

    /** Sort key of something that lives at a node: its path, then its id (unique within the path). */
    public static String underPath(String path, String id) {
        return path + "#" + id;
    }

    /** The top node of a materialized path: "/D01/S01/" → "D01". */
    public static String root(String path) {
        int end = path.indexOf('/', 1);
        return path.substring(1, end);
    }
}
