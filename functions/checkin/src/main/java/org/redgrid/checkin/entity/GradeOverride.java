package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A reviewer's override of a year-end grade (改评记录): who, when, from, to and why. Written once, never changed. */
@RegisterForReflection
public record GradeOverride(String communityCode, String year, String memberId, String name, Grade from, Grade to,
        String reason, String by, String at) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(EvaluationKeys.overrides(communityCode, year), at + "#" + memberId));
        item.put("communityCode", s(communityCode));
        item.put("year", s(year));
        item.put("memberId", s(memberId));
        item.put("name", s(name));
        item.put("from", s(from.name()));
        item.put("to", s(to.name()));
        item.put("reason", s(reason));
        item.put("by", s(by));
        item.put("at", s(at));
        return item;
    }

    public static GradeOverride fromItem(Map<String, AttributeValue> item) {
        return new GradeOverride(Attr.str(item, "communityCode"), Attr.str(item, "year"), Attr.str(item, "memberId"),
                Attr.str(item, "name"), Grade.valueOf(Attr.str(item, "from")), Grade.valueOf(Attr.str(item, "to")),
                Attr.str(item, "reason"), Attr.str(item, "by"), Attr.str(item, "at"));
    }
}
