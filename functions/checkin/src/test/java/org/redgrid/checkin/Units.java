package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;

/** Employer units of the registry, their rosters and their staff's registrations, made through the API. */
final class Units {

    private Units() {
    }

    /** A registry code no other test uses ("E" and 8 digits). */
    static String freshCode() {
        return "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    }

    /** A mobile number no other test uses. */
    static String freshPhone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Map<String, Object> employer(String code, String node) {
        return Map.of("code", code, "name", "区卫生健康委员会", "nodeCode", node, "contactName", "王主任", "contactPhone", "13900010001");
    }

    /** Enters a unit into the street's registry. */
    static String register(DemoDistrict d, String code) {
        Gateway.Reply r = Gateway.post(d.streetAdmin, "/checkin/employers", employer(code, d.street));
        assertEquals(201, r.status(), r::toString);
        return code;
    }

    static Map<String, Object> row(String name, String phone, String post) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("phone", phone);
        row.put("post", post);
        return row;
    }

    static Map<String, Object> roster(List<Map<String, Object>> rows) {
        return Map.of("rows", rows);
    }

    /** A member's registration naming the unit, with their own phone. */
    static Map<String, Object> registration(String home, String employerCode, String phone) {
        Map<String, Object> body = Members.registration(home, employerCode, false);
        body.put("phone", phone);
        return body;
    }
}
