package org.redgrid.directory.entity;

import static org.redgrid.kernel.dynamo.Attr.n;
import static org.redgrid.kernel.dynamo.Attr.num;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What is registered in a node's whole subtree (辖区统计): people living there, of them party members, households
 * and partner units. Kept on every node of the path in the same transaction as each change, so a community shows
 * its buildings' households without counting them on read.
 */
public record Totals(long people, long partyMembers, long households, long units) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0);
    public static final Totals ONE_HOUSEHOLD = new Totals(0, 0, 1, 0);
    public static final Totals ONE_UNIT = new Totals(0, 0, 0, 1);

    /** Attribute names on the node item. */
    static final String PEOPLE = "totalPeople";
    static final String PARTY_MEMBERS = "totalPartyMembers";
    static final String HOUSEHOLDS = "totalHouseholds";
    static final String UNITS = "totalUnits";

    /** One person, counted as a party member when they have a party status. */
    public static Totals of(Person person) {
        return new Totals(1, person.partyStatus() == null ? 0 : 1, 0, 0);
    }

    public Totals plus(Totals o) {
        return new Totals(people + o.people, partyMembers + o.partyMembers, households + o.households, units + o.units);
    }

    public Totals negate() {
        return new Totals(-people, -partyMembers, -households, -units);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** The ADD clause that applies this change to a node item, with its values put into {@code values}. */
    public String addClause(Map<String, AttributeValue> values) {
        values.put(":tp", n(people));
        values.put(":tm", n(partyMembers));
        values.put(":th", n(households));
        values.put(":tu", n(units));
        return PEOPLE + " :tp, " + PARTY_MEMBERS + " :tm, " + HOUSEHOLDS + " :th, " + UNITS + " :tu";
    }

    static Totals fromItem(Map<String, AttributeValue> item) {
        return new Totals(num(item, PEOPLE), num(item, PARTY_MEMBERS), num(item, HOUSEHOLDS), num(item, UNITS));
    }

    void toItem(Map<String, AttributeValue> item) {
        item.put(PEOPLE, n(people));
        item.put(PARTY_MEMBERS, n(partyMembers));
        item.put(HOUSEHOLDS, n(households));
        item.put(UNITS, n(units));
    }
}
