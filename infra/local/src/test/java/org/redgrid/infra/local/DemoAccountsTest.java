package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.redgrid.kernel.security.Grant;
import org.redgrid.kernel.security.Role;

/** The demo accounts follow the role table: one login per role, each grant valid, named by the table. */
class DemoAccountsTest {

    @Test
    void oneValidLoginPerRoleOfTheTable() {
        Set<Role> covered = DemoAccounts.ALL.stream().flatMap(a -> a.groups().stream()).map(Grant::parse)
                .map(Optional::orElseThrow).map(Grant::role).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Arrays.asList(Role.values())), covered);
        assertEquals("网格员 幸福一网格", DemoAccounts.ALL.stream().filter(a -> a.username().equals("grid.worker")).findFirst()
                .orElseThrow().description());
    }
}
