package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.StreamPump;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A beneficiary household's resident confirms a service on the phone (受益群众确认): it counts as the verification
 * when it comes first (one checkin.ServiceVerified, whichever of confirmation and verification comes first), the
 * rating goes onto the member's totals either way, and only a resident of a beneficiary household may confirm, once.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class ConfirmationTest {

    @Inject
    DynamoDbClient db;

    long eventsFor(String recordId) {
        long[] n = { 0 };
        StreamPump.eventsOf(db, "CheckinTable").path("Records").forEach(r -> {
            var image = r.path("dynamodb").path("NewImage");
            if ("checkin.ServiceVerified".equals(image.path("eventType").path("S").asText())
                    && recordId.equals(image.path("data").path("M").path("recordId").path("S").asText())) {
                n[0]++;
            }
        });
        return n[0];
    }

    @Test
    void aConfirmationVerifiesOnceAndRatingsAddUp() {
        DemoDistrict d = DemoDistrict.create();
        String login = "beneficiary-" + d.prefix;
        String household = Beneficiaries.household(d, d.buildingA11, login);
        Map<String, String> resident = Beneficiaries.resident(login);
        Map<String, String> member = Members.member(d, "helper", d.communityA);
        String first = Gateway.post(member, "/checkin/services", ServiceRecordTest.service(d.gridA1, 90, List.of(household)))
                .json().getString("id");
        String second = Gateway.post(member, "/checkin/services", ServiceRecordTest.service(d.gridA1, 30, List.of(household)))
                .json().getString("id");

        Gateway.Reply mine = Gateway.get(resident, "/checkin/services/for-my-household");
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(List.of(first, second).stream().sorted().toList(), mine.json().<String> getList("items.id").stream().sorted().toList());

        Gateway.Reply confirmed = Gateway.post(resident, "/checkin/services/" + first + "/confirm", Map.of("rating", 5, "comment", "很耐心"));
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertTrue(confirmed.json().getBoolean("verified"));
        assertEquals("BENEFICIARY", confirmed.json().getString("verifiedVia"));
        assertEquals(5, confirmed.json().getInt("confirmation.rating"));
        assertEquals(household, confirmed.json().getString("confirmation.householdId"));
        Gateway.Reply leaderAfter = Gateway.post(ServiceRecordTest.leader(d), "/checkin/services/" + first + "/verify", null);
        assertEquals("ALREADY_VERIFIED", leaderAfter.json().getString("code"), leaderAfter::toString);
        Gateway.Reply again = Gateway.post(resident, "/checkin/services/" + first + "/confirm", Map.of());
        assertEquals("ALREADY_CONFIRMED", again.json().getString("code"), again::toString);

        Gateway.Reply leaderFirst = Gateway.post(ServiceRecordTest.leader(d), "/checkin/services/" + second + "/verify", null);
        assertEquals(200, leaderFirst.status(), leaderFirst::toString);
        Gateway.Reply rated = Gateway.post(resident, "/checkin/services/" + second + "/confirm", Map.of("rating", 3));
        assertEquals(200, rated.status(), rated::toString);
        assertEquals("LEADER", rated.json().getString("verifiedVia"), "the leader came first");

        assertEquals(1, eventsFor(first), "one event for the record the resident verified");
        assertEquals(1, eventsFor(second), "one event for the record the leader verified, none for the later confirmation");
        Gateway.Reply year = Gateway.get(member, "/checkin/services/mine/totals?period=" + ServiceRecordTest.today().substring(0, 4));
        assertEquals(List.of(120, 2, 8, 2), List.of(year.json().getInt("minutes"), year.json().getInt("records"),
                year.json().getInt("ratingSum"), year.json().getInt("ratingCount")), year::toString);

        Gateway.Reply view = Gateway.get(resident, "/checkin/services/" + first);
        assertEquals(200, view.status(), view::toString);
        assertEquals(List.of(), view.json().getList("photoUrls"));
    }

    @Test
    void onlyABeneficiaryConfirmsAndBadRatingsAreRefused() {
        DemoDistrict d = DemoDistrict.create();
        String household = Beneficiaries.household(d, d.buildingA11, "owner-" + d.prefix);
        Beneficiaries.household(d, d.gridA2, "neighbour-" + d.prefix);
        Map<String, String> member = Members.member(d, "helper", d.communityA);
        String id = Gateway.post(member, "/checkin/services", ServiceRecordTest.service(d.gridA1, 60, List.of(household)))
                .json().getString("id");

        Gateway.Reply neighbour = Gateway.post(Beneficiaries.resident("neighbour-" + d.prefix), "/checkin/services/" + id + "/confirm", Map.of());
        assertEquals(403, neighbour.status(), neighbour::toString);
        assertEquals("NOT_A_BENEFICIARY", neighbour.json().getString("code"));
        Gateway.Reply unknown = Gateway.post(Beneficiaries.resident("nobody-" + d.prefix), "/checkin/services/" + id + "/confirm", Map.of());
        assertEquals(403, unknown.status(), () -> "a login with no person is no beneficiary: " + unknown);
        Gateway.Reply neighbourView = Gateway.get(Beneficiaries.resident("neighbour-" + d.prefix), "/checkin/services/" + id);
        assertEquals(403, neighbourView.status(), neighbourView::toString);
        Gateway.Reply memberConfirms = Gateway.post(member, "/checkin/services/" + id + "/confirm", Map.of());
        assertEquals(403, memberConfirms.status(), memberConfirms::toString);

        Gateway.Reply six = Gateway.post(Beneficiaries.resident("owner-" + d.prefix), "/checkin/services/" + id + "/confirm", Map.of("rating", 6));
        assertEquals(400, six.status(), six::toString);
        assertEquals("application/problem+json", six.header("Content-Type"));
        Gateway.Reply missing = Gateway.post(Beneficiaries.resident("owner-" + d.prefix), "/checkin/services/NOPE/confirm", Map.of());
        assertEquals(404, missing.status(), missing::toString);
        assertEquals(List.of(), Gateway.get(Beneficiaries.resident("nobody-" + d.prefix), "/checkin/services/for-my-household")
                .json().getList("items"));
    }
}
