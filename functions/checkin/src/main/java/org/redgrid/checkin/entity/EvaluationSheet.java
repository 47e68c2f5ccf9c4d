package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A community's evaluation sheet of one year (年度考评表), its head: where it stands (proposed, being finalised,
 * final), the rules version of the last proposal, how many members and grades, how many overrides.
 */
@RegisterForReflection
public record EvaluationSheet(String communityCode, String communityName, String year, Status status, long rulesVersion,
        long members, Map<Grade, Long> grades, long overrides, String proposedAt, String proposedBy, String finalisedAt,
        String finalisedBy) {

    /** 已提出 (open to overrides and new proposals), 定稿中, 已定稿. */
    public enum Status {
        PROPOSED, FINALISING, FINAL
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(EvaluationKeys.sheet(communityCode, year), EvaluationKeys.SHEET_SK));
        item.put("communityCode", s(communityCode));
        item.put("communityName", s(communityName));
        item.put("year", s(year));
        item.put("status", s(status.name()));
        item.put("rulesVersion", Attr.n(rulesVersion));
        item.put("members", Attr.n(members));
        for (Grade g : Grade.values()) {
            item.put("grade" + g.name(), Attr.n(grades.getOrDefault(g, 0L)));
        }
        item.put("overrides", Attr.n(overrides));
        item.put("proposedAt", s(proposedAt));
        item.put("proposedBy", s(proposedBy));
        Attr.putIfPresent(item, "finalisedAt", finalisedAt);
        Attr.putIfPresent(item, "finalisedBy", finalisedBy);
        return item;
    }

    public static EvaluationSheet fromItem(Map<String, AttributeValue> item) {
        Map<Grade, Long> grades = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            grades.put(g, Attr.num(item, "grade" + g.name()));
        }
        return new EvaluationSheet(Attr.str(item, "communityCode"), Attr.str(item, "communityName"), Attr.str(item, "year"),
                Status.valueOf(Attr.str(item, "status")), Attr.num(item, "rulesVersion"), Attr.num(item, "members"), grades,
                Attr.num(item, "overrides"), Attr.str(item, "proposedAt"), Attr.str(item, "proposedBy"),
                Attr.str(item, "finalisedAt"), Attr.str(item, "finalisedBy"));
    }
}
