package org.redgrid.kernel.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * An access role (角色), held at a node of the grid tree and carried in the token as a group/role claim
 * {@code <code>@<node>}, e.g. {@code community-admin@C0101}. A resident's role is held without a node.
 * <p>
 * This enum is the role table: the one place that says which permission each role carries. Each domain declares
 * its permissions ({@link DomainPermissions}, e.g. {@code directory.people.write}); the functions enforce this
 * table through {@link Secured} and {@link Guard}, {@code GET /directory/access} reports it to the console (whose
 * menus follow the permissions), and the local demo accounts are built from it. {@link RoleTableCheck} refuses to
 * start when the table names a permission no domain declares. Adding a domain adds its permissions here.
 */
public enum Role {
    /** 区级管理员 */
    DISTRICT_ADMIN("district-admin", "区级管理员", Home.CONSOLE, Table.DISTRICT_ADMIN),
    /** 街道管理员 */
    STREET_ADMIN("street-admin", "街道管理员", Home.CONSOLE, Table.ADMIN),
    /** 社区管理员 */
    COMMUNITY_ADMIN("community-admin", "社区管理员", Home.CONSOLE, Table.COMMUNITY_ADMIN),
    /** 网格长 */
    GRID_LEADER("grid-leader", "网格长", Home.CONSOLE, Table.GRID_LEADER),
    /** 网格员 */
    GRID_WORKER("grid-worker", "网格员", Home.CONSOLE, Table.GRID_STAFF),
    /** 党员 */
    PARTY_MEMBER("party-member", "党员", Home.CONSOLE, Table.PARTY_MEMBER),
    /** 居民 */
    RESIDENT("resident", "居民", Home.MOBILE, Table.RESIDENT),
    /** 报到党员的工作单位（只看本单位人员）；held at the unit's code, e.g. {@code employer-unit@E001} */
    EMPLOYER_UNIT("employer-unit", "工作单位", Home.CONSOLE, Table.EMPLOYER_UNIT),
    /** 超市店员（积分超市柜台）；held at the store's node, e.g. {@code store-clerk@C01} */
    STORE_CLERK("store-clerk", "超市店员", Home.CONSOLE, Table.STORE_CLERK),
    /** 共建单位：offers resources and claims demands in the community it works with, e.g. {@code partner-unit@C01} */
    PARTNER_UNIT("partner-unit", "共建单位", Home.CONSOLE, Table.PARTNER_UNIT);

    /** Where a holder of the role works: the admin console or the phone pages (/m/). */
    public enum Home {
        CONSOLE, MOBILE
    }

    /** The permissions of each role, by domain. */
    private static final class Table {
        static final Set<String> ADMIN = Set.of(
                "directory.tree.read", "directory.tree.write", "directory.people.read", "directory.people.write",
                "directory.reveal.phone", "directory.reveal.idNumber", "directory.audit.read",
                "points.ledger.read", "points.award.write", "points.award.approve", "points.ledger.correct",
                "points.settings.write", "points.stores.write", "points.counter.write", "points.rules.write",
                "points.inspection.write",
                "checkin.registration.read", "checkin.registration.review", "checkin.board.read", "checkin.attendance.read",
                "checkin.service.read", "checkin.service.verify",
                "checkin.leave.review", "checkin.publication.write",
                "checkin.employers.write", "checkin.employers.read", "checkin.evaluation.read", "checkin.calendar.read",
                "lists.demand.submit", "lists.demand.read", "lists.demand.write", "lists.demand.feedback",
                "lists.resource.write", "lists.resource.read", "lists.project.read", "lists.project.write",
                "lists.matching.read", "lists.matching.write", "lists.indicators.read");
        /** A district admin also keeps the district's work calendar (法定节假日与调休). */
        static final Set<String> DISTRICT_ADMIN = union(ADMIN, Set.of("checkin.calendar.write"));
        /** A community admin also evaluates its own members (年终考评); street and district only read. */
        static final Set<String> COMMUNITY_ADMIN = union(ADMIN, Set.of("checkin.evaluation.write"));
        static final Set<String> GRID_STAFF = Set.of(
                "directory.tree.read", "directory.people.read", "directory.people.write", "directory.reveal.phone",
                "points.ledger.read", "points.award.write", "points.counter.write", "points.inspection.write",
                "checkin.registration.read", "checkin.board.read", "checkin.clock.write",
                "checkin.service.read", "checkin.service.verify", "checkin.service.write", "checkin.self.read",
                "checkin.leave.write", "checkin.calendar.read",
                "lists.demand.submit", "lists.demand.read", "lists.demand.write", "lists.demand.feedback",
                "lists.resource.write", "lists.resource.read", "lists.project.read", "lists.matching.read",
                "lists.indicators.read");
        /** A grid leader (网格长) also approves leave, reads attendance and publishes the grid's quarter. */
        static final Set<String> GRID_LEADER = union(GRID_STAFF, Set.of(
                "checkin.leave.review", "checkin.attendance.read", "checkin.publication.write"));
        static final Set<String> PARTY_MEMBER = Set.of(
                "directory.tree.read",
                "checkin.self.write", "checkin.self.read", "checkin.board.read", "checkin.service.write",
                "lists.demand.read", "lists.claim.write", "lists.resource.write", "lists.resource.read",
                "lists.project.read");
        static final Set<String> RESIDENT = Set.of(
                "directory.self.read", "points.self.read",
                "checkin.board.read", "checkin.service.confirm",
                "lists.demand.submit", "lists.demand.mine", "lists.demand.feedback");
        static final Set<String> EMPLOYER_UNIT = Set.of(
                "checkin.employer.read", "checkin.board.read", "checkin.roster.write");
        static final Set<String> STORE_CLERK = Set.of("points.counter.write");
        static final Set<String> PARTNER_UNIT = Set.of(
                "lists.demand.read", "lists.claim.write", "lists.resource.write", "lists.resource.read",
                "lists.project.read", "lists.project.pick");

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new java.util.HashSet<>(a);
            all.addAll(b);
            return Set.copyOf(all);
        }
    }

    private final String code;
    private final String label;
    private final Home home;
    private final Set<String> permissions;

    Role(String code, String label, Home home, Set<String> permissions) {
        this.code = code;
        this.label = label;
        this.home = home;
        this.permissions = permissions;
    }

    public String code() {
        return code;
    }

    /** The role's zh-CN name, as staff know it. */
    public String label() {
        return label;
    }

    public Home home() {
        return home;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public boolean allows(String permission) {
        return permissions.contains(permission);
    }

    /** Roles other than resident are only meaningful when held at a node. */
    public boolean heldAtNode() {
        return this != RESIDENT;
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
