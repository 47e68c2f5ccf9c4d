package org.redgrid.checkin.entity;

import java.util.Map;
import java.util.TreeMap;

import org.redgrid.kernel.dynamo.Attr;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An employer's roster counters (花名册报到统计), beside its registration counters: roster members, those with a
 * registration (waiting or confirmed) and those confirmed, the same per community, and per year the members with
 * verified service (参与). Kept in the same transactions as roster uploads, registrations, decisions and proposals.
 */
public record RosterTally(long rostered, long registered, long confirmed, Map<String, long[]> communities,
        Map<String, AttributeValue> item) {

    public static final String ROSTERED = "rostered";
    public static final String REGISTERED = "registered";
    public static final String CONFIRMED = "confirmed";

    /** The attribute counting one community's registered or confirmed roster members. */
    public static String perCommunity(String counter, String communityCode) {
        return counter + "@" + communityCode;
    }

    /** The attribute counting a year's members with verified service. */
    public static String participantsOf(String year) {
        return "participants@" + year;
    }

    public long participants(String year) {
        return Attr.num(item, participantsOf(year));
    }

    public static double rate(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
    }

    public static RosterTally fromItem(Map<String, AttributeValue> item) {
        Map<String, long[]> communities = new TreeMap<>();
        item.forEach((name, value) -> {
            for (int i = 0; i < 2; i++) {
                String prefix = (i == 0 ? REGISTERED : CONFIRMED) + "@";
                if (name.startsWith(prefix)) {
                    communities.computeIfAbsent(name.substring(prefix.length()), c -> new long[2])[i] = Long.parseLong(value.n());
                }
            }
        });
        return new RosterTally(Attr.num(item, ROSTERED), Attr.num(item, REGISTERED), Attr.num(item, CONFIRMED), communities, item);
    }
}
