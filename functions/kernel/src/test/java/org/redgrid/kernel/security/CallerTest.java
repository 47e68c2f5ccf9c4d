package org.redgrid.kernel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Claims in the shapes API Gateway's JWT authorizer delivers them, for Cognito ID/access tokens and other issuers. */
class CallerTest {

    @Test
    void cognitoIdTokenGroupsArriveFlattened() {
        Caller c = Caller.fromClaims(Map.of("sub", "u-1", "cognito:username", "zhang", "token_use", "id",
                "cognito:groups", "[community-admin@C01 grid-worker@G0101 other-app-group]"), "cognito:groups").orElseThrow();
        assertEquals("zhang", c.username());
        assertEquals(List.of(new Grant(Role.COMMUNITY_ADMIN, "C01"), new Grant(Role.GRID_WORKER, "G0101")), c.grants());
        assertTrue(c.covers("directory.reveal.idNumber", "/D01/S01/C01/G0102/"));
        assertFalse(c.covers("directory.tree.write", "/D01/S01/C02/"));
        assertFalse(c.covers("directory.tree.write", "/D01/S01/C011/"), "a code is matched whole, not as a prefix");
        assertTrue(c.permissions().contains("directory.audit.read"), "the union of the grants' permissions");
        assertEquals(Role.Home.CONSOLE, c.home());
    }

    @Test
    void accessTokensCarryUsernameAndOneGroupStillHasBrackets() {
        Caller c = Caller.fromClaims(Map.of("sub", "u-2", "username", "li", "token_use", "access", "cognito:groups", "[resident]"),
                "cognito:groups").orElseThrow();
        assertEquals("li", c.username());
        assertEquals(List.of(new Grant(Role.RESIDENT, null)), c.grants());
        assertTrue(c.has("directory.self.read"));
        assertFalse(c.has("directory.people.read"));
        assertEquals(Role.Home.MOBILE, c.home(), "residents work on the phone pages");
    }

    @Test
    void otherIssuersUseSubAndAConfiguredRoleClaimInAnyCommonForm() {
        for (String roles : List.of("street-admin@S01 resident", "[\"street-admin@S01\",\"resident\"]", "street-admin@S01,resident")) {
            Caller c = Caller.fromClaims(Map.of("sub", "oidc|42", "roles", roles), "roles").orElseThrow();
            assertEquals("oidc|42", c.username());
            assertEquals(List.of(new Grant(Role.STREET_ADMIN, "S01"), new Grant(Role.RESIDENT, null)), c.grants(), roles);
        }
    }

    @Test
    void malformedGrantsAndMissingSubjectsGrantNothing() {
        Caller c = Caller.fromClaims(Map.of("sub", "x", "cognito:groups", "[community-admin grid-worker@ resident@C01]"),
                "cognito:groups").orElseThrow();
        assertEquals(List.of(), c.grants(), "admin roles need a node, residents must not claim one");
        assertEquals(Optional.empty(), Caller.fromClaims(Map.of("cognito:groups", "[district-admin@D01]"), "cognito:groups"));
        assertEquals(Optional.empty(), Caller.fromClaims(null, "cognito:groups"));
    }
}
