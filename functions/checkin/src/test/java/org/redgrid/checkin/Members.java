package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.Tokens;

/** Party members of a demo district, and their registrations made through the API. */
final class Members {

    private Members() {
    }

    /** A party member's claims, the role held at their home community. */
    static Map<String, String> member(DemoDistrict d, String name, String community) {
        return Tokens.idToken(name + "-" + d.prefix, "party-member@" + community);
    }

    static Map<String, String> employer(String code) {
        return Tokens.idToken("employer-" + code, "employer-unit@" + code);
    }

    static Map<String, Object> registration(String home, String employerCode, boolean showPhone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "党员" + home.substring(home.length() - 3));
        body.put("phone", "13912345678");
        body.put("employerCode", employerCode);
        body.put("employerName", "区卫健委");
        body.put("homeNodeCode", home);
        body.put("skills", java.util.List.of("义诊", "政策宣讲"));
        body.put("availability", "周末上午");
        body.put("showPhone", showPhone);
        return body;
    }

    /** Registers the member; returns their member id. */
    static String register(Map<String, String> member, Map<String, Object> body) {
        Gateway.Reply r = Gateway.post(member, "/checkin/registrations", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("memberId");
    }
}
