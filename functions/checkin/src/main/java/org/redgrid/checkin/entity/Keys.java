package org.redgrid.checkin.entity;

/** Key shapes of CheckinTable (template.yaml lists them with the access patterns). */
public final class Keys {

    public static final String REGISTRATION_SK = "REGISTRATION";
    public static final String TALLY_SK = "REGISTRATIONS";

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

    /**
     * An employer unit as a scope path: the employer-unit role is held at the unit's code ({@code
     * employer-unit@E001}), so the kernel's Guard checks it like a grid node.
     */
    public static String employerScope(String employerCode) {
        return "/" + employerCode + "/";
    }
}
