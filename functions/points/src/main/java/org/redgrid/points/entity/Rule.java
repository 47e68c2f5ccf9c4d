package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One version of a rule of a community's catalogue (积分规则): what it pays ({@code points} per unit), its own
 * monthly cap per household (0: none) and, for inspections, the top score of each criterion and the total a clean
 * household (清洁户) reaches. Versions are never changed; a change is a new version, and entries name the version
 * that paid them.
 */
public record Rule(String communityCode, String id, RuleKind kind, String name, long points, long monthlyCap, long threshold,
        long maxScore, boolean active, int version, String changedBy, String changedAt) {

    /** The points {@code quantity} units earn, rounded half up. */
    public long pointsFor(BigDecimal quantity) {
        return quantity.multiply(BigDecimal.valueOf(points)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The stored version (sk V#&lt;version&gt;), or the current copy listed in the community's catalogue. */
    public Map<String, AttributeValue> toItem(boolean current) {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.rule(communityCode, id),
                current ? Keys.RULE_CURRENT_SK : Keys.ruleVersionSk(version)));
        item.put("communityCode", Attr.s(communityCode));
        item.put("ruleId", Attr.s(id));
        item.put("kind", Attr.s(kind.name()));
        item.put("name", Attr.s(name));
        item.put("points", Attr.n(points));
        item.put("monthlyCap", Attr.n(monthlyCap));
        item.put("threshold", Attr.n(threshold));
        item.put("maxScore", Attr.n(maxScore));
        item.put("active", AttributeValue.fromBool(active));
        item.put("version", Attr.n(version));
        item.put("changedBy", Attr.s(changedBy));
        item.put("changedAt", Attr.s(changedAt));
        if (current) {
            item.put(SingleTable.GSI1PK, Attr.s(Keys.rules(communityCode)));
            item.put(SingleTable.GSI1SK, Attr.s(kind.name() + "#" + id));
        }
        return item;
    }

    public static Rule fromItem(Map<String, AttributeValue> item) {
        return new Rule(str(item, "communityCode"), str(item, "ruleId"), RuleKind.valueOf(str(item, "kind")), str(item, "name"),
                num(item, "points"), num(item, "monthlyCap"), num(item, "threshold"), num(item, "maxScore"),
                Boolean.TRUE.equals(item.get("active").bool()), (int) num(item, "version"), str(item, "changedBy"),
                str(item, "changedAt"));
    }
}
