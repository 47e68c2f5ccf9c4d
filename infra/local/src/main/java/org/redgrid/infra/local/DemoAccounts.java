package org.redgrid.infra.local;

import java.util.List;
import java.util.Optional;

/** One demo login per role, all with the same printed password. Local mode only. */
final class DemoAccounts {

    static final String PASSWORD = "redgrid-demo";

    /** A demo login and the grants (groups) its tokens carry. */
    record Account(String username, String description, List<String> groups) {
    }

    static final List<Account> ALL = List.of(
            new Account("district.admin", "区级管理员 示范区", List.of("district-admin@D01")),
            new Account("street.admin", "街道管理员 红星街道", List.of("street-admin@S01")),
            new Account("community.admin", "社区管理员 幸福社区", List.of("community-admin@C01")),
            new Account("grid.leader", "网格长 幸福一网格", List.of("grid-leader@G0101")),
            new Account("grid.worker", "网格员 幸福一网格", List.of("grid-worker@G0101")),
            new Account("party.member", "党员 幸福社区", List.of("party-member@C01")),
            new Account("resident", "居民 王秀英", List.of("resident")));

    Optional<Account> check(String username, String password) {
        return PASSWORD.equals(password) ? ALL.stream().filter(a -> a.username().equals(username)).findFirst() : Optional.empty();
    }
}
