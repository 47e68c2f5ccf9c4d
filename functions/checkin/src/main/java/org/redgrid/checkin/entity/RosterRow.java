package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One person of an employer's roster (花名册): the phone is kept only as a keyed hash (to match registrations) and
 * masked (to show), never in clear.
 */
public record RosterRow(String employerCode, String phoneKey, String name, String phoneMasked, String post) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(EvaluationKeys.roster(employerCode), phoneKey));
        item.put("employerCode", s(employerCode));
        item.put("phoneKey", s(phoneKey));
        item.put("name", s(name));
        item.put("phoneMasked", s(phoneMasked));
        Attr.putIfPresent(item, "post", post);
        return item;
    }

    public static RosterRow fromItem(Map<String, AttributeValue> item) {
        return new RosterRow(Attr.str(item, "employerCode"), Attr.str(item, "phoneKey"), Attr.str(item, "name"),
                Attr.str(item, "phoneMasked"), Attr.str(item, "post"));
    }
}
