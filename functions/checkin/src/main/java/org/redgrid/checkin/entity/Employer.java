package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An employer unit (工作单位) of the registry a district or street keeps: whose staff register at their home
 * communities, upload a roster (花名册) and receive the year-end grades.
 *
 * @param code     "E01": the code the employer-unit role is held at
 * @param nodePath path of the street or district keeping it, what the registry is listed and ranked under
 * @param rosterRows rows of the last roster upload, with when and by whom
 */
public record Employer(String code, String name, String nodeCode, String nodeName, String nodePath, String contactName,
        String contactPhone, long rosterRows, String rosterUploadedAt, String rosterUploadedBy, long version,
        String createdAt, String updatedAt) {

    public String root() {
        return nodePath.split("/")[1];
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(EvaluationKeys.employer(code), EvaluationKeys.UNIT_SK));
        item.put(SingleTable.GSI2PK, s(EvaluationKeys.employers(root())));
        item.put(SingleTable.GSI2SK, s(nodePath + code));
        item.put("code", s(code));
        item.put("name", s(name));
        item.put("nodeCode", s(nodeCode));
        item.put("nodeName", s(nodeName));
        item.put("nodePath", s(nodePath));
        item.put("contactName", s(contactName));
        item.put("contactPhone", s(contactPhone));
        item.put("rosterRows", Attr.n(rosterRows));
        Attr.putIfPresent(item, "rosterUploadedAt", rosterUploadedAt);
        Attr.putIfPresent(item, "rosterUploadedBy", rosterUploadedBy);
        SingleTable.stamp(item, version, createdAt, updatedAt);
        return item;
    }

    public static Employer fromItem(Map<String, AttributeValue> item) {
        return new Employer(Attr.str(item, "code"), Attr.str(item, "name"), Attr.str(item, "nodeCode"),
                Attr.str(item, "nodeName"), Attr.str(item, "nodePath"), Attr.str(item, "contactName"),
                Attr.str(item, "contactPhone"), Attr.num(item, "rosterRows"), Attr.str(item, "rosterUploadedAt"),
                Attr.str(item, "rosterUploadedBy"), Attr.num(item, "version"), Attr.str(item, "createdAt"),
                Attr.str(item, "updatedAt"));
    }
}
