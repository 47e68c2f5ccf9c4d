package org.redgrid.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The login → person → household port other domains are given, on the engine, fed through the directory's API. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class PeoplePortTest {

    @Inject
    PeoplePort people;

    @Test
    void aLoginLeadsToItsPersonAndTheirHousehold() {
        DemoDistrict d = DemoDistrict.create();
        String household = d.household(d.buildingA11, "1号楼 2单元 301");
        String login = "resident-port-" + d.prefix;
        Gateway.Reply created = Gateway.post(d.districtAdmin, "/directory/people", Map.of("name", "郑户主", "phone", "13800007100",
                "idNumber", DemoDistrict.idNumber(), "householdId", household, "account", login));
        assertEquals(201, created.status(), created::toString);

        PeoplePort.Resident resident = people.byLogin(login).orElseThrow();
        assertEquals(created.json().getString("id"), resident.personId());
        assertEquals(household, resident.householdId());
        assertEquals(d.buildingA11, resident.homeNodeCode(), "a household member lives where the household is");
        assertEquals("郑户主", resident.name());

        PeoplePort.Household home = people.household(resident.householdId()).orElseThrow();
        assertEquals(household, home.id());
        assertEquals(d.buildingA11, home.nodeCode());
        assertEquals("1号楼 2单元 301", home.address());
        assertEquals("/" + String.join("/", d.district, d.street, d.communityA, d.gridA1, d.buildingA11) + "/", home.path());
    }

    @Test
    void unknownLoginsAndHouseholdsAndPeopleWithoutAHouseholdAreToldApart() {
        DemoDistrict d = DemoDistrict.create();
        String login = "resident-alone-" + d.prefix;
        assertEquals(201, Gateway.post(d.districtAdmin, "/directory/people", Map.of("name", "钱独居", "phone", "13800007101",
                "idNumber", DemoDistrict.idNumber(), "homeNodeCode", d.gridA2, "account", login)).status());

        PeoplePort.Resident alone = people.byLogin(login).orElseThrow();
        assertEquals(null, alone.householdId());
        assertEquals(d.gridA2, alone.homeNodeCode());
        assertTrue(people.byLogin("nobody-" + d.prefix).isEmpty());
        assertTrue(people.household("HH-" + d.prefix).isEmpty());
    }
}
