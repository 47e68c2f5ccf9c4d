package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An in-service party member's registration at the community where they live (在职党员报到): who, which employer
 * unit (工作单位), where they live (楼栋 or 网格, and so the grid they serve in), skills (特长), availability (可服务时间),
 * whether the public board may show their phone (亮身份 consent), and the community's decision.
 *
 * @param memberId  the member's login name; one registration per member
 * @param homePath  materialized path of the home node ("/D/S/C/G/B/"), what scope is checked against
 * @param gridCode  the grid the member is assigned to (the home building's grid, or the home grid itself)
 */
public record MemberRegistration(String memberId, String name, String phone, boolean showPhone, String employerCode,
        String employerName, String homeCode, String homeName, String homePath, String gridCode, List<String> skills,
        String availability, RegistrationStatus status, String reason, String reviewedBy, long version,
        String createdAt, String updatedAt) {

    /** Codes of the home path, root first. */
    public List<String> pathCodes() {
        return Arrays.stream(homePath.split("/")).filter(c -> !c.isEmpty()).toList();
    }

    public MemberRegistration decided(RegistrationStatus decision, String why, String reviewer, String at) {
        return new MemberRegistration(memberId, name, phone, showPhone, employerCode, employerName, homeCode, homeName,
                homePath, gridCode, skills, availability, decision, why, reviewer, version + 1, createdAt, at);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.member(memberId), Keys.REGISTRATION_SK));
        item.put(SingleTable.GSI1PK, s(Keys.employerStaff(employerCode)));
        item.put(SingleTable.GSI1SK, s(memberId));
        item.put(SingleTable.GSI2PK, s(Keys.registrations(status, pathCodes().get(0))));
        item.put(SingleTable.GSI2SK, s(homePath + memberId));
        item.put("memberId", s(memberId));
        item.put("name", s(name));
        item.put("phone", s(phone));
        item.put("showPhone", AttributeValue.fromBool(showPhone));
        item.put("employerCode", s(employerCode));
        item.put("employerName", s(employerName));
        item.put("homeCode", s(homeCode));
        item.put("homeName", s(homeName));
        item.put("homePath", s(homePath));
        item.put("gridCode", s(gridCode));
        if (!skills.isEmpty()) {
            item.put("skills", AttributeValue.fromL(skills.stream().map(Attr::s).toList()));
        }
        Attr.putIfPresent(item, "availability", availability);
        item.put("status", s(status.name()));
        Attr.putIfPresent(item, "reason", reason);
        Attr.putIfPresent(item, "reviewedBy", reviewedBy);
        SingleTable.stamp(item, version, createdAt, updatedAt);
        return item;
    }

    public static MemberRegistration fromItem(Map<String, AttributeValue> item) {
        AttributeValue skills = item.get("skills");
        AttributeValue showPhone = item.get("showPhone");
        return new MemberRegistration(Attr.str(item, "memberId"), Attr.str(item, "name"), Attr.str(item, "phone"),
                showPhone != null && Boolean.TRUE.equals(showPhone.bool()), Attr.str(item, "employerCode"),
                Attr.str(item, "employerName"), Attr.str(item, "homeCode"), Attr.str(item, "homeName"),
                Attr.str(item, "homePath"), Attr.str(item, "gridCode"),
                skills == null || !skills.hasL() ? List.of() : skills.l().stream().map(AttributeValue::s).toList(),
                Attr.str(item, "availability"), RegistrationStatus.valueOf(Attr.str(item, "status")),
                Attr.str(item, "reason"), Attr.str(item, "reviewedBy"), Attr.num(item, "version"),
                Attr.str(item, "createdAt"), Attr.str(item, "updatedAt"));
    }
}
