package org.redgrid.points.entity;

/**
 * Key shapes of PointsTable (积分表; the kernel's {@code SingleTable} layout). template.yaml documents the same items
 * and their access patterns beside the table.
 */
public final class Keys {

    public static final String ACCOUNT_SK = "ACCOUNT";
    public static final String ENTRY_SK = "ENTRY";
    public static final String TOTALS_SK = "TOTALS";
    public static final String SETTINGS_SK = "SETTINGS";
    public static final String STORE_SK = "STORE";
    public static final String REDEMPTION_SK = "REDEMPTION";
    public static final String AWARD_SK = "AWARD";
    public static final String REVERSAL_SK = "REVERSAL";
    public static final String ACCRUED_SK = "ACCRUED";
    public static final String RULE_CURRENT_SK = "CURRENT";
    public static final String SOURCE_SK = "SOURCE";
    public static final String EARNED_SK = "EARNED";
    public static final String SHEET_SK = "SHEET";
    /** The one partition listing every community with points (for the scheduled expiry and chain audit). */
    public static final String COMMUNITIES = "POINTS#COMMUNITIES";

    private Keys() {
    }

    public static String account(String accountId) {
        return "ACCOUNT#" + accountId;
    }

    /** An account's postings, in sequence: the statement and the hash chain. */
    public static String postings(String accountId) {
        return "POSTINGS#" + accountId;
    }

    public static String postingSk(long sequence) {
        return String.format("%012d", sequence);
    }

    public static String entry(String entryId) {
        return "ENTRY#" + entryId;
    }

    /** Claimed by the one entry that reverses {@code entryId}: an entry is reversed at most once. */
    public static String reversal(String entryId) {
        return "REVERSAL#" + entryId;
    }

    public static String community(String communityCode) {
        return "COMMUNITY#" + communityCode;
    }

    public static String store(String storeId) {
        return "STORE#" + storeId;
    }

    public static String goodSk(String goodId) {
        return "GOOD#" + goodId;
    }

    public static String redemption(String redemptionId) {
        return "REDEMPTION#" + redemptionId;
    }

    public static String award(String awardId) {
        return "AWARD#" + awardId;
    }

    /** Points a household earned from events in a month (yyyy-MM, China time), against the monthly cap. */
    public static String accrued(String householdId, String month) {
        return "ACCRUED#" + householdId + "#" + month;
    }

    /** Awards of a community waiting for a second person's approval (ByParent index). */
    public static String pendingAwards(String communityCode) {
        return "PENDING#" + communityCode;
    }

    /** A rule of a community's catalogue: its versions (V#…) and its current copy (CURRENT). */
    public static String rule(String communityCode, String ruleId) {
        return "RULE#" + communityCode + "#" + ruleId;
    }

    public static String ruleVersionSk(int version) {
        return String.format("V#%06d", version);
    }

    /** A community's current rules (ByParent index). */
    public static String rules(String communityCode) {
        return "RULES#" + communityCode;
    }

    /** Claimed by the one entry a source (event, request, sheet line, expiry) caused. */
    public static String source(String sourceKey) {
        return "SOURCE#" + sourceKey;
    }

    /** What a household earned by rules in a month (yyyy-MM): {@code total} and {@code r#<rule>}, against the caps. */
    public static String earned(String householdId, String month) {
        return "EARNED#" + householdId + "#" + month;
    }

    /** A community's figures of one month (sk) for the monthly report. */
    public static String monthSk(String month) {
        return "MONTH#" + month;
    }

    /** A store's sales of one month (sk, under STORE#&lt;id&gt;). */
    public static String salesSk(String month) {
        return "SALES#" + month;
    }

    /** Household accounts of a community (ByPath index, sorted by grid path). */
    public static String households(String communityCode) {
        return "HOUSEHOLDS#" + communityCode;
    }

    /** Household accounts of a community by label (ByParent index), for the counter's name search. */
    public static String householdNames(String communityCode) {
        return "HHNAMES#" + communityCode;
    }

    /** Stores of a community (ByParent index). */
    public static String stores(String communityCode) {
        return "STORES#" + communityCode;
    }

    /** A grid's leaderboard of a year: an item per household (ByParent index sorted by points earned). */
    public static String board(String gridCode, String year) {
        return "BOARD#" + gridCode + "#" + year;
    }

    /** A grid's inspection sheet of a month: the sheet (SHEET) and a score per household (SCORE#&lt;household&gt;). */
    public static String sheet(String gridCode, String month) {
        return "SHEET#" + gridCode + "#" + month;
    }

    public static String scoreSk(String householdId) {
        return "SCORE#" + householdId;
    }

    /** A community's inspection sheets (ByParent index, by month and grid). */
    public static String sheets(String communityCode) {
        return "SHEETS#" + communityCode;
    }
}
