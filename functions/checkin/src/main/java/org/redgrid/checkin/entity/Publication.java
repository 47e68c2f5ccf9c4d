package org.redgrid.checkin.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A grid's quarterly publication of service (服务纪实季度公示): each member's verified hours and records in the
 * quarter, frozen when published (a summary item and one item per member, in one partition), readable by everyone
 * signed in like the public board.
 */
@RegisterForReflection
public record Publication(String gridCode, String gridName, String quarter, String publishedBy, String publishedAt,
        long totalMinutes, long verifiedRecords, List<Member> members) {

    /** One member's line: who (name and employer from their registration, when there is one), how much. */
    @RegisterForReflection
    @Schema(name = "PublishedMember")
    public record Member(String memberId, String name, String employerName, long minutes, String hours,
            long verifiedRecords) {

        Map<String, AttributeValue> toItem(String gridCode, String quarter) {
            Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.publication(gridCode, quarter), "MEMBER#" + memberId));
            item.put("memberId", s(memberId));
            Attr.putIfPresent(item, "name", name);
            Attr.putIfPresent(item, "employerName", employerName);
            item.put("minutes", Attr.n(minutes));
            item.put("verifiedRecords", Attr.n(verifiedRecords));
            return item;
        }

        static Member fromItem(Map<String, AttributeValue> item) {
            long minutes = Attr.num(item, "minutes");
            return new Member(Attr.str(item, "memberId"), Attr.str(item, "name"), Attr.str(item, "employerName"), minutes,
                    ServiceRecord.hours(minutes), Attr.num(item, "verifiedRecords"));
        }
    }

    public Map<String, AttributeValue> summaryItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.publication(gridCode, quarter), Keys.PUBLICATION_SK));
        item.put("gridCode", s(gridCode));
        item.put("gridName", s(gridName));
        item.put("quarter", s(quarter));
        item.put("publishedBy", s(publishedBy));
        item.put("publishedAt", s(publishedAt));
        item.put("totalMinutes", Attr.n(totalMinutes));
        item.put("verifiedRecords", Attr.n(verifiedRecords));
        return item;
    }

    public List<Map<String, AttributeValue>> memberItems() {
        return members.stream().map(m -> m.toItem(gridCode, quarter)).toList();
    }

    /** From the partition's items: the summary (sort key "#SUMMARY", first) and the members. */
    public static Publication fromItems(List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> summary = items.stream().filter(i -> Keys.PUBLICATION_SK.equals(Attr.str(i, SingleTable.SK)))
                .findFirst().orElseThrow();
        List<Member> members = items.stream().filter(i -> i != summary).map(Member::fromItem).toList();
        return new Publication(Attr.str(summary, "gridCode"), Attr.str(summary, "gridName"), Attr.str(summary, "quarter"),
                Attr.str(summary, "publishedBy"), Attr.str(summary, "publishedAt"), Attr.num(summary, "totalMinutes"),
                Attr.num(summary, "verifiedRecords"), members);
    }
}
