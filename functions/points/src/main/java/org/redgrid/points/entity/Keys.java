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
}
