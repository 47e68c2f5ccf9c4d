package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The resident's own points and QR code, and the store clerk at the counter: find, redeem, receipt. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class CounterTest {

    @Test
    void theClerkFindsTheHouseholdByItsQrCodeAndRedeemsWithAReceipt() {
        PointsWorld w = new PointsWorld();
        String store = w.store(w.d.communityA);
        String good = w.good(store, "洗洁精", 12, 5);
        String h = w.household(w.d.gridA1);
        w.awarded(h, 50);
        Map<String, String> resident = w.resident(h);
        Map<String, String> clerk = Tokens.idToken("clerk-" + w.d.prefix, "store-clerk@" + w.d.communityA);

        Gateway.Reply me = Gateway.get(resident, "/points/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals(h, me.json().getString("householdId"));
        assertEquals(50, me.json().getInt("balance"));
        assertEquals(1, me.json().getList("statement.items").size());
        String token = me.json().getString("qr.token");
        assertFalse(token.contains(h), "the code is not the bare household id");
        Gateway.Reply shelves = Gateway.get(resident, "/points/me/stores");
        assertEquals(List.of("洗洁精"), shelves.json().getList("[0].goods.name", String.class), shelves::toString);

        Gateway.Reply stores = Gateway.get(clerk, "/points/stores?node=" + w.d.communityA);
        assertEquals(List.of(store), stores.json().getList("id", String.class), stores::toString);
        Gateway.Reply found = Gateway.get(clerk, "/points/counter/households?store=" + store + "&q=" + Gateway.encode(token));
        assertEquals(200, found.status(), found::toString);
        assertEquals(List.of(h), found.json().getList("households.householdId", String.class));
        assertEquals(50, found.json().getInt("households[0].balance"));
        assertEquals(List.of(good), found.json().getList("goods.id", String.class));
        Gateway.Reply byId = Gateway.get(clerk, "/points/counter/households?store=" + store + "&q=" + h);
        assertEquals(List.of(h), byId.json().getList("households.householdId", String.class));
        Gateway.Reply byName = Gateway.get(clerk, "/points/counter/households?store=" + store + "&q=" + Gateway.encode("幸福路"));
        assertTrue(byName.json().getList("households.householdId", String.class).contains(h), byName::toString);

        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        Gateway.Reply refused = Gateway.get(clerk, "/points/counter/households?store=" + store + "&q=" + Gateway.encode(forged));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("QR_INVALID", refused.json().getString("errors[0].code"));

        Gateway.Reply redeemed = Gateway.post(clerk, "/points/redemptions",
                Map.of("storeId", store, "goodId", good, "householdId", h, "quantity", 2));
        assertEquals(201, redeemed.status(), redeemed::toString);
        assertEquals("洗洁精", redeemed.json().getString("goodName"));
        assertEquals("幸福积分超市", redeemed.json().getString("storeName"));
        assertEquals(26, redeemed.json().getInt("balanceAfter"));
        assertEquals(24, redeemed.json().getInt("points"));
        Gateway.Reply sales = Gateway.get(w.d.adminA, "/points/stores/" + store + "/sales");
        assertEquals(24, sales.json().getInt("[11].points"), sales::toString);
        assertEquals(2, sales.json().getInt("[11].quantity"));
        Gateway.Reply cancelled = Gateway.post(clerk, "/points/redemptions/" + redeemed.json().getString("id") + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals(0, Gateway.get(w.d.adminA, "/points/stores/" + store + "/sales").json().getInt("[11].points"));

        assertEquals(403, Gateway.get(clerk, "/points/accounts/" + PointsWorld.hh(h)).status(), "a clerk reads no ledger");
        String storeB = Gateway.post(w.d.adminB, "/points/stores", Map.of("name", "B 超市", "nodeCode", w.d.communityB)).json().getString("id");
        assertEquals(403, Gateway.get(clerk, "/points/counter/households?store=" + storeB + "&q=" + h).status());
        Gateway.Reply notMine = Gateway.get(w.d.adminB, "/points/counter/households?store=" + storeB + "&q=" + Gateway.encode(token));
        assertEquals(List.of(), notMine.json().getList("households"), "another community's household is not found");

        Gateway.Reply stranger = Gateway.get(Tokens.idToken("nobody-" + w.d.prefix, "resident"), "/points/me");
        assertEquals(404, stranger.status(), stranger::toString);
        assertEquals("NOT_A_HOUSEHOLD_MEMBER", stranger.json().getString("code"));
        assertEquals(403, Gateway.get(w.d.workerA1, "/points/me").status());
    }
}
