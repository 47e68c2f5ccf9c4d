package org.redgrid.infra.local;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.redgrid.kernel.security.Grant;

/** One demo login per role of the kernel's role table, all with the same printed password. Local mode only. */
final class DemoAccounts {

    static final String PASSWORD = "redgrid-demo";

    /** A demo login, the grants (groups) its tokens carry and the place they are held at. */
    record Account(String username, String place, List<String> groups) {

        /** The roles' names from the role table and the place, e.g. "网格员 幸福一网格". */
        String description() {
            return groups.stream().map(Grant::parse).flatMap(Optional::stream).map(g -> g.role().label())
                    .collect(Collectors.joining("、")) + " " + place;
        }
    }

    static final List<Account> ALL = List.of(
            new Account("district.admin", "示范区", List.of("district-admin@D01")),
            new Account("street.admin", "红星街道", List.of("street-admin@S01")),
            new Account("community.admin", "幸福社区", List.of("community-admin@C01")),
            new Account("grid.leader", "幸福一网格", List.of("grid-leader@G0101")),
            new Account("grid.worker", "幸福一网格", List.of("grid-worker@G0101")),
            new Account("party.member", "幸福社区", List.of("party-member@C01")),
            new Account("employer.unit", "区卫健委", List.of("employer-unit@E01")),
            new Account("partner.unit", "区人民医院（共建单位）", List.of("partner-unit@C01")),
            new Account("resident", "王秀英", List.of("resident")));

    Optional<Account> check(String username, String password) {
        return PASSWORD.equals(password) ? ALL.stream().filter(a -> a.username().equals(username)).findFirst() : Optional.empty();
    }
}
