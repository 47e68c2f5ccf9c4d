package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

/** Residents of beneficiary households (受益户), linked to their login through the directory. */
final class Beneficiaries {

    private Beneficiaries() {
    }

    /** A household at {@code node} with one resident whose login is {@code login}; returns the household's id. */
    static String household(DemoDistrict d, String node, String login) {
        String household = d.household(node, "幸福路 " + login);
        Gateway.Reply person = Gateway.post(d.districtAdmin, "/directory/people", Map.of("name", "受益居民", "phone", "13800007200",
                "idNumber", DemoDistrict.idNumber(), "householdId", household, "account", login));
        assertEquals(201, person.status(), person::toString);
        return household;
    }

    static Map<String, String> resident(String login) {
        return Tokens.idToken(login, "resident");
    }
}
