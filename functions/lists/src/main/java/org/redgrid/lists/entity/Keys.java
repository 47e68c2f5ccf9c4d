package org.redgrid.lists.entity;

import java.util.List;

/** Key shapes of ListsTable (template.yaml lists them with the access patterns). */
public final class Keys {

    public static final String DEMAND_SK = "DEMAND";
    public static final String CLAIM_SK = "CLAIM";
    public static final String RESOURCE_SK = "RESOURCE";
    public static final String PROJECT_SK = "PROJECT";
    public static final String WEIGHTS_SK = "WEIGHTS";
    public static final String BATCH_SK = "BATCH";
    private static final String PAIR = "PAIR#";
    private static final String UNMATCHED = "UNMATCHED#";
    public static final String IMPORT_SK = "IMPORT";
    /** The sort key of a node's current counters; monthly ones are {@link #month(String)}. */
    public static final String NOW = "NOW";

    private Keys() {
    }

    public static String demand(String id) {
        return "DEMAND#" + id;
    }

    /** The ByPath partition of demands in one status under one district (the first code of the grid path). */
    public static String demands(DemandStatus status, String root) {
        return "DEMANDS#" + status + "#" + root;
    }

    /** The ByParent partition of demands of one category in one status under one district. */
    public static String demandsOfCategory(String category, DemandStatus status, String root) {
        return "DEMANDCAT#" + category + "#" + status + "#" + root;
    }

    /** A resident's submitted demands: base-table partition of pointers, sort key publication time and id. */
    public static String submitted(String login) {
        return "SUBMITTED#" + login;
    }

    /** The one claim of a demand: its existence is the first claim's win. */
    public static String claim(String demandId) {
        return "CLAIM#" + demandId;
    }

    /** The ByParent partition of one claimant's claims. */
    public static String claimsOf(String login) {
        return "CLAIMS#" + login;
    }

    public static String resource(String id) {
        return "RESOURCE#" + id;
    }

    /** The sort key of a resource's demands taken in a month ("2026-11"), next to the resource item. */
    public static String load(String month) {
        return "LOAD#" + month;
    }

    public static String resources(ResourceStatus status, String root) {
        return "RESOURCES#" + status + "#" + root;
    }

    public static String resourcesOf(String login) {
        return "OWNER#" + login;
    }

    public static String project(String id) {
        return "PROJECT#" + id;
    }

    public static String projects(ProjectStatus status, String root) {
        return "PROJECTS#" + status + "#" + root;
    }

    /** The ByParent partition of the projects open for picking (published and planned) under one district. */
    public static String publishedProjects(String root) {
        return "PUBLISHED#" + root;
    }

    /** The sort key of a partner unit's pick of a project with one resource, next to the project item. */
    public static String pick(String resourceId) {
        return "PICK#" + resourceId;
    }

    /** The ByParent partition of one partner unit's picks. */
    public static String picksOf(String login) {
        return "PICKS#" + login;
    }

    public static String weights(String nodeCode) {
        return "WEIGHTS#" + nodeCode;
    }

    public static String batch(String id) {
        return "BATCH#" + id;
    }

    /**
     * The sort-key prefix of a batch's proposed pairs (next to its head {@link #BATCH_SK}) in a grid or node:
     * "/D01/S01/C01/G01/" → "PAIR#/D01/S01/C01/G01/", so a node's pairs are one {@code begins_with}.
     */
    public static String pairsUnder(String path) {
        return PAIR + path;
    }

    /** A proposed pair of a batch, keyed by its demand's grid path and id: a grid's pairs page together. */
    public static String pair(String gridPath, String demandId) {
        return PAIR + gridPath + demandId;
    }

    /** The sort-key prefix of a batch's demands left without a pair, as {@link #pairsUnder(String)}. */
    public static String unmatchedUnder(String path) {
        return UNMATCHED + path;
    }

    public static String unmatched(String gridPath, String demandId) {
        return UNMATCHED + gridPath + demandId;
    }

    public static String batchesOf(String nodeCode) {
        return "BATCHES#" + nodeCode;
    }

    /** A node's counters (指标): {@link #NOW} and one item per month. */
    public static String tally(String nodeCode) {
        return "TALLY#" + nodeCode;
    }

    public static String month(String month) {
        return "M#" + month;
    }

    /** The district a path lies in: "/D01/S01/C01/" → "D01"; the partition every path-keyed list is under. */
    public static String root(String path) {
        return codes(path).get(0);
    }

    /** "/D01/S01/C01/G01/" → [D01, S01, C01, G01]. */
    public static List<String> codes(String path) {
        return List.of(path.substring(1, path.length() - 1).split("/"));
    }
}
