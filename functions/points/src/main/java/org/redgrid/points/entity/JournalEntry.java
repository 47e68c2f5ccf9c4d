package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A journal entry (记账分录): one movement of points, written once and never changed. Its postings sum to zero.
 *
 * @param sourceKey what caused it exactly once: an event id or a request's idempotency record
 * @param reverses  for a reversal, the entry it reverses
 * @param subjectId what it is about: an award, a redemption, an event
 * @param ruleId    the rule of the community's catalogue that paid it, with its version and kind (null: a manual
 *                  award without a category, or not an award)
 * @param lots      per household account, the earning years its posting added to or took from (for expiry, and
 *                  so that a reversal gives back to the same years)
 */
public record JournalEntry(String id, EntryKind kind, String communityCode, List<Posting> postings, String memo,
        String actor, String sourceKey, String reverses, String subjectId, String postedAt, String ruleId, Integer ruleVersion,
        RuleKind ruleKind, Map<String, TreeMap<String, Long>> lots) {

    public JournalEntry {
        if (postings.stream().mapToLong(Posting::amount).sum() != 0) {
            throw new IllegalArgumentException("postings of an entry sum to zero");
        }
        postings = List.copyOf(postings);
        lots = lots == null ? Map.of() : Map.copyOf(lots);
    }

    /** The entry that undoes this one: the same accounts, amounts negated. */
    public List<Posting> negated() {
        return postings.stream().map(p -> new Posting(p.accountId(), -p.amount())).toList();
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.entry(id), Keys.ENTRY_SK));
        item.put("kind", Attr.s(kind.name()));
        item.put("communityCode", Attr.s(communityCode));
        item.put("postings", AttributeValue.fromL(postings.stream().map(p -> AttributeValue.fromM(Map.of(
                "accountId", Attr.s(p.accountId()), "amount", Attr.n(p.amount())))).toList()));
        item.put("memo", Attr.s(memo));
        item.put("actor", Attr.s(actor));
        item.put("postedAt", Attr.s(postedAt));
        Attr.putIfPresent(item, "sourceKey", sourceKey);
        Attr.putIfPresent(item, "reverses", reverses);
        Attr.putIfPresent(item, "subjectId", subjectId);
        Attr.putIfPresent(item, "ruleId", ruleId);
        if (ruleVersion != null) {
            item.put("ruleVersion", Attr.n(ruleVersion));
        }
        if (ruleKind != null) {
            item.put("ruleKind", Attr.s(ruleKind.name()));
        }
        if (!lots.isEmpty()) {
            item.put("lots", AttributeValue.fromM(lots.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> Amounts.toAttr(e.getValue())))));
        }
        return item;
    }

    public static JournalEntry fromItem(Map<String, AttributeValue> item) {
        List<Posting> postings = item.get("postings").l().stream()
                .map(v -> new Posting(v.m().get("accountId").s(), Long.parseLong(v.m().get("amount").n()))).toList();
        return new JournalEntry(str(item, "pk").substring("ENTRY#".length()), EntryKind.valueOf(str(item, "kind")),
                str(item, "communityCode"), postings, str(item, "memo"), str(item, "actor"), str(item, "sourceKey"),
                str(item, "reverses"), str(item, "subjectId"), str(item, "postedAt"), str(item, "ruleId"),
                item.containsKey("ruleVersion") ? (int) Attr.num(item, "ruleVersion") : null,
                item.containsKey("ruleKind") ? RuleKind.valueOf(str(item, "ruleKind")) : null,
                item.containsKey("lots") ? item.get("lots").m().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> Amounts.of(e.getValue()))) : Map.of());
    }
}
