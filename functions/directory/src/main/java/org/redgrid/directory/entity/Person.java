package org.redgrid.directory.entity;

import static org.redgrid.kernel.dynamo.Attr.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A person known to the grid (人员): resident, grid worker, party member, cadre or volunteer. Phone and ID number
 * are personal information: stored as given, never returned unmasked without a permitted, audited reason.
 *
 * @param homeNodeCode where the person lives (a grid or building), {@code homePath} its materialized path
 * @param posts        summary of held posts as "POSITION@NODE", kept with the post items in one transaction
 * @param account      login name linked to this person (residents reading their own record), or null
 */
public record Person(String id, String name, Gender gender, String phone, String idNumber, String homeNodeCode,
        String homePath, String householdId, PartyStatus partyStatus, String employer, String account,
        Set<String> posts, long version, String createdAt, String updatedAt) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SingleTable.PK, s(Keys.person(id)));
        item.put(SingleTable.SK, s(Keys.PROFILE_SK));
        if (householdId != null) {
            item.put(SingleTable.GSI1PK, s(Keys.household(householdId)));
            item.put(SingleTable.GSI1SK, s(Keys.person(id)));
        }
        item.put(SingleTable.GSI2PK, s(Keys.people(homePath)));
        item.put(SingleTable.GSI2SK, s(Keys.underPath(homePath, id)));
        item.put("id", s(id));
        item.put("name", s(name));
        putIfPresent(item, "gender", gender == null ? null : gender.name());
        item.put("phone", s(phone));
        putIfPresent(item, "idNumber", idNumber);
        item.put("homeNodeCode", s(homeNodeCode));
        item.put("homePath", s(homePath));
        putIfPresent(item, "householdId", householdId);
        putIfPresent(item, "partyStatus", partyStatus == null ? null : partyStatus.name());
        putIfPresent(item, "employer", employer);
        putIfPresent(item, "account", account);
        if (!posts.isEmpty()) {
            item.put("posts", ss(posts));
        }
        SingleTable.stamp(item, version, createdAt, updatedAt);
        return item;
    }

    public static Person fromItem(Map<String, AttributeValue> item) {
        String gender = str(item, "gender");
        String party = str(item, "partyStatus");
        return new Person(str(item, "id"), str(item, "name"), gender == null ? null : Gender.valueOf(gender),
                str(item, "phone"), str(item, "idNumber"), str(item, "homeNodeCode"), str(item, "homePath"),
                str(item, "householdId"), party == null ? null : PartyStatus.valueOf(party), str(item, "employer"),
                str(item, "account"), strings(item, "posts"), num(item, "version"), str(item, "createdAt"),
                str(item, "updatedAt"));
    }
}
