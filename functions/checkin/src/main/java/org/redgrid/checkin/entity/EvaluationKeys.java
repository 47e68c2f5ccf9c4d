package org.redgrid.checkin.entity;

/**
 * Key shapes of the employer registry (工作单位), rosters (花名册) and the year-end evaluation (年终考评) in
 * CheckinTable; template.yaml lists them with their access patterns. Kept apart from {@link Keys} (registration,
 * clock-in, service records), same table.
 */
public final class EvaluationKeys {

    public static final String UNIT_SK = "UNIT";
    /** The sort key of an employer's roster counters, beside its registration counters ({@link Keys#TALLY_SK}). */
    public static final String ROSTER_TALLY_SK = "ROSTER";
    public static final String SHEET_SK = "SHEET";

    private EvaluationKeys() {
    }

    /** An employer unit of the registry. */
    public static String employer(String code) {
        return "EMPLOYER#" + code;
    }

    /** The ByPath partition of the registry under one root of the grid tree (sort key: the unit's node path + code). */
    public static String employers(String root) {
        return "EMPLOYERS#" + root;
    }

    /** An employer's roster rows, one per phone key. */
    public static String roster(String employerCode) {
        return "ROSTER#" + employerCode;
    }

    /** A registration's phone as the roster of the employer it names matches it (one per employer and phone). */
    public static String registeredPhone(String employerCode, String phoneKey) {
        return "REGPHONE#" + employerCode + "#" + phoneKey;
    }

    /** A community's evaluation rules; sort key the zero-padded version, newest last. */
    public static String rules(String communityCode) {
        return "EVALRULES#" + communityCode;
    }

    public static String rulesVersion(long version) {
        return String.format("%06d", version);
    }

    /** A community's evaluation sheet (考评表) of one year: its head. */
    public static String sheet(String communityCode, String year) {
        return "EVAL#" + communityCode + "#" + year;
    }

    /** The members' evaluations of a community and year; sort key the member id. */
    public static String evaluations(String communityCode, String year) {
        return "EVALS#" + communityCode + "#" + year;
    }

    /** The ByParent partition of an employer's final grades of one year (set when the community finalises). */
    public static String employerGrades(String employerCode, String year) {
        return "EMPLOYERGRADES#" + employerCode + "#" + year;
    }

    /** The overrides (改评) of a community's year, immutable; sort key time#member. */
    public static String overrides(String communityCode, String year) {
        return "EVALOVERRIDES#" + communityCode + "#" + year;
    }
}
