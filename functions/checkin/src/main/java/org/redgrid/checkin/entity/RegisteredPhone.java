package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A registration as its employer's roster finds it (报到匹配): keyed by the employer the member named and the
 * hashed phone, kept in the registration's own transactions. The first registration naming the employer with that
 * phone holds it.
 *
 * @param communityCode the community of the member's home grid, for the rate per community
 */
public record RegisteredPhone(String employerCode, String phoneKey, String memberId, RegistrationStatus status,
        String homeName, String gridCode, String communityCode) {

    public RegisteredPhone withStatus(RegistrationStatus to) {
        return new RegisteredPhone(employerCode, phoneKey, memberId, to, homeName, gridCode, communityCode);
    }

    /** Counted as registered: waiting or confirmed (a rejected registration is not). */
    public static boolean registered(RegistrationStatus s) {
        return s == RegistrationStatus.PENDING || s == RegistrationStatus.CONFIRMED;
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(
                SingleTable.key(EvaluationKeys.registeredPhone(employerCode, phoneKey), Keys.REGISTRATION_SK));
        item.put("employerCode", s(employerCode));
        item.put("phoneKey", s(phoneKey));
        item.put("memberId", s(memberId));
        item.put("status", s(status.name()));
        item.put("homeName", s(homeName));
        item.put("gridCode", s(gridCode));
        item.put("communityCode", s(communityCode));
        return item;
    }

    public static RegisteredPhone fromItem(Map<String, AttributeValue> item) {
        return new RegisteredPhone(Attr.str(item, "employerCode"), Attr.str(item, "phoneKey"), Attr.str(item, "memberId"),
                RegistrationStatus.valueOf(Attr.str(item, "status")), Attr.str(item, "homeName"), Attr.str(item, "gridCode"),
                Attr.str(item, "communityCode"));
    }
}
