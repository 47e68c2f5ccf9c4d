package org.redgrid.checkin.entity;

/** Key shapes of CheckinTable (template.yaml lists them with the access patterns). */
public final class Keys {

    public static final String REGISTRATION_SK = "REGISTRATION";
    public static final String TALLY_SK = "REGISTRATIONS";
    public static final String SERVICE_SK = "SERVICE";

    private Keys() {
    }

    public static String member(String memberId) {
        return "MEMBER#" + memberId;
    }

    /** The ByParent partition of an employer unit's staff. */
    public static String employerStaff(String employerCode) {
        return "EMPLOYER#" + employerCode;
    }

    /** The ByPath partition of registrations in one status under one root of the grid tree. */
    public static String registrations(RegistrationStatus status, String root) {
        return "REGISTRATIONS#" + status + "#" + root;
    }

    /** Registration counters of a grid node (every node of the registrant's home path carries them). */
    public static String nodeTally(String nodeCode) {
        return "TALLY#NODE#" + nodeCode;
    }

    public static String employerTally(String employerCode) {
        return "TALLY#EMPLOYER#" + employerCode;
    }

    /** A member's clock-ins at one grid: a month is one Query on the sort key's "yyyy-MM" prefix. */
    public static String attendance(String gridCode, String memberId) {
        return "ATTENDANCE#" + gridCode + "#" + memberId;
    }

    public static String service(String id) {
        return "SERVICE#" + id;
    }

    /** The ByParent partition of a member's service records, by day. */
    public static String memberServices(String memberId) {
        return "SERVICES#" + memberId;
    }

    /** The ByPath partition of a grid's service ledger for one quarter ("2026Q4"), by day. */
    public static String ledger(String gridCode, String quarter) {
        return "LEDGER#" + gridCode + "#" + quarter;
    }

    /** A member's verified service totals; sort key the month "2026-11" or the year "2026". */
    public static String serviceTotals(String memberId) {
        return "TOTALS#" + memberId;
    }

    /**
     * An employer unit as a scope path: the employer-unit role is held at the unit's code ({@code
     * employer-unit@E001}), so the kernel's Guard checks it like a grid node.
     */
    public static String employerScope(String employerCode) {
        return "/" + employerCode + "/";
    }

    public static final String LEAVE_SK = "LEAVE";

    public static String leave(String id) {
        return "LEAVE#" + id;
    }

    /** The ByParent partition of a member's leave requests, by first day. */
    public static String memberLeave(String memberId) {
        return "LEAVES#" + memberId;
    }

    /** The sparse ByPath partition of pending leave under one root of the grid tree (only PENDING requests carry it). */
    public static String pendingLeave(String root) {
        return "LEAVE#PENDING#" + root;
    }

    /** The ByPath partition of a grid's attendance in one month (clock-ins, attempts, leave days of all its members). */
    public static String gridMonth(String gridCode, String month) {
        return "GRIDMONTH#" + gridCode + "#" + month;
    }

    /** The ByParent partition of the service records done for one household (受益户), by day. */
    public static String beneficiary(String householdId) {
        return "BENEFICIARY#" + householdId;
    }

    /** A grid's published quarter (季度公示): a summary item and one item per member. */
    public static String publication(String gridCode, String quarter) {
        return "PUBLICATION#" + gridCode + "#" + quarter;
    }

    public static final String PUBLICATION_SK = "#SUMMARY";

    /** A district's work calendars (工作日历), one item per year (sort key "2026"). */
    public static String calendar(String districtCode) {
        return "CALENDAR#" + districtCode;
    }
}
