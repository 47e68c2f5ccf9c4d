package org.redgrid.lists.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.lists.control.matching.Criterion;
import org.redgrid.lists.control.matching.Fit;
import org.redgrid.lists.control.matching.FitComponent;
import org.redgrid.lists.control.matching.MatchWeights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A matching batch (匹配批次): the head of the proposal the matcher made for a community's or street's open demands and
 * available resources — its totals, counts and how many pairs staff have decided. The pairs themselves, each with its
 * score breakdown and decision, are items of their own in the batch's partition ({@link Pair}), read page by page.
 *
 * @param pairCount      proposed pairs
 * @param unmatchedCount demands left without a pair ({@code noCandidateCount} of them had no resource to go to at all)
 */
@RegisterForReflection(targets = { Fit.class, FitComponent.class, Criterion.class, MatchWeights.class })
public record MatchBatch(String id, String nodeCode, String nodePath, String createdBy, String createdAt,
        MatchWeights weights, long totalFit, int candidateEdges, int demandCount, int resourceCount, int pairCount,
        int unmatchedCount, int noCandidateCount, int accepted, int rejected, int failed) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";
    /** Accepted, but the claim was refused (taken meanwhile, resource full): {@code decisionCode} says why. */
    public static final String FAILED = "FAILED";
    /** Why a demand is left without a pair: no active resource with capacity covers and serves it. */
    public static final String NO_CANDIDATE = "NO_CANDIDATE";
    /** Why a demand is left without a pair: its candidates' capacity went to pairs of greater total fit. */
    public static final String CAPACITY_TAKEN = "CAPACITY_TAKEN";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * 匹配建议与处理: a proposed pair (or a demand left without one) and what staff made of it.
     *
     * @param title             the demand's title, category and urgency, as when the batch ran (a page reads as it is)
     * @param resourceId        the proposed resource (its name, kind and owner beside it); null for a demand left
     *                          without a pair
     * @param fit               the pair's score breakdown; null for a demand left without a pair
     * @param unmatchedReason   {@link #NO_CANDIDATE} or {@link #CAPACITY_TAKEN} for a demand left without a pair
     * @param decidedResourceId the resource staff accepted (another one than proposed when they edited the pair)
     */
    @RegisterForReflection
    @Schema(name = "ProposedPair")
    public record Pair(String demandId, String gridPath, String title, String category, int urgency, String resourceId,
            String resourceName, ResourceKind resourceKind, String resourceOwner, Fit fit, String unmatchedReason,
            String decision, String decisionCode, String decidedResourceId, String decidedBy, String decidedAt) {

        public static Pair proposed(Demand d, Resource r, Fit fit) {
            return new Pair(d.id(), d.gridPath(), d.title(), d.category(), d.urgency(), r.id(), r.name(), r.kind(), r.owner(), fit,
                    null, null, null, null, null, null);
        }

        public static Pair unmatched(Demand d, String reason) {
            return new Pair(d.id(), d.gridPath(), d.title(), d.category(), d.urgency(), null, null, null, null, null, reason,
                    null, null, null, null, null);
        }

        public Pair decided(String decision, String code, String resource, String by, String at) {
            return new Pair(demandId, gridPath, title, category, urgency, resourceId, resourceName, resourceKind, resourceOwner,
                    fit, unmatchedReason, decision, code, resource, by, at);
        }

        /** The item's sort key: a pair under {@code PAIR#}, a demand left without one under {@code UNMATCHED#}. */
        public String sortKey() {
            return resourceId == null ? Keys.unmatched(gridPath, demandId) : Keys.pair(gridPath, demandId);
        }

        public Map<String, AttributeValue> toItem(String batchId) {
            Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.batch(batchId), sortKey()));
            item.put("demandId", s(demandId));
            item.put("gridPath", s(gridPath));
            item.put("title", s(title));
            item.put("category", s(category));
            item.put("urgency", Attr.n(urgency));
            Attr.putIfPresent(item, "resourceId", resourceId);
            Attr.putIfPresent(item, "resourceName", resourceName);
            Attr.putIfPresent(item, "resourceKind", resourceKind == null ? null : resourceKind.name());
            Attr.putIfPresent(item, "resourceOwner", resourceOwner);
            Attr.putIfPresent(item, "unmatchedReason", unmatchedReason);
            if (fit != null) {
                try {
                    // One attribute of JSON: the breakdown is read and shown whole, never queried.
                    item.put("fit", s(JSON.writeValueAsString(fit)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return item;
        }

        public static Pair fromItem(Map<String, AttributeValue> item) {
            Fit fit = null;
            if (item.containsKey("fit")) {
                try {
                    fit = JSON.readValue(Attr.str(item, "fit"), Fit.class);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            String kind = Attr.str(item, "resourceKind");
            return new Pair(Attr.str(item, "demandId"), Attr.str(item, "gridPath"), Attr.str(item, "title"),
                    Attr.str(item, "category"), (int) Attr.num(item, "urgency"), Attr.str(item, "resourceId"),
                    Attr.str(item, "resourceName"), kind == null ? null : ResourceKind.valueOf(kind), Attr.str(item, "resourceOwner"),
                    fit, Attr.str(item, "unmatchedReason"), Attr.str(item, "decision"), Attr.str(item, "decisionCode"),
                    Attr.str(item, "decidedResourceId"), Attr.str(item, "decidedBy"), Attr.str(item, "decidedAt"));
        }
    }

    /** The head item; listed newest first under the node ({@code BATCHES#<node>} in ByParent). */
    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.batch(id), Keys.BATCH_SK));
        item.put(SingleTable.GSI1PK, s(Keys.batchesOf(nodeCode)));
        item.put(SingleTable.GSI1SK, s(id));
        item.put("id", s(id));
        item.put("nodeCode", s(nodeCode));
        item.put("nodePath", s(nodePath));
        item.put("createdBy", s(createdBy));
        item.put("createdAt", s(createdAt));
        item.put("weights", AttributeValue.fromL(List.of(Attr.n(weights.category()), Attr.n(weights.skill()),
                Attr.n(weights.proximity()), Attr.n(weights.time()), Attr.n(weights.urgency()))));
        item.put("totalFit", Attr.n(totalFit));
        item.put("candidateEdges", Attr.n(candidateEdges));
        item.put("demandCount", Attr.n(demandCount));
        item.put("resourceCount", Attr.n(resourceCount));
        item.put("pairCount", Attr.n(pairCount));
        item.put("unmatchedCount", Attr.n(unmatchedCount));
        item.put("noCandidateCount", Attr.n(noCandidateCount));
        return item;
    }

    /** The head from its item; the decision counters are ADDed by the decisions, absent until the first one. */
    public static MatchBatch fromItem(Map<String, AttributeValue> item) {
        List<Integer> w = item.get("weights").l().stream().map(v -> Integer.parseInt(v.n())).toList();
        return new MatchBatch(Attr.str(item, "id"), Attr.str(item, "nodeCode"), Attr.str(item, "nodePath"),
                Attr.str(item, "createdBy"), Attr.str(item, "createdAt"),
                new MatchWeights(w.get(0), w.get(1), w.get(2), w.get(3), w.get(4)), Attr.num(item, "totalFit"),
                (int) Attr.num(item, "candidateEdges"), (int) Attr.num(item, "demandCount"),
                (int) Attr.num(item, "resourceCount"), (int) Attr.num(item, "pairCount"),
                (int) Attr.num(item, "unmatchedCount"), (int) Attr.num(item, "noCandidateCount"),
                (int) Attr.num(item, ACCEPTED), (int) Attr.num(item, REJECTED), (int) Attr.num(item, FAILED));
    }
}
