package org.redgrid.lists.entity;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.lists.control.matching.Criterion;
import org.redgrid.lists.control.matching.Fit;
import org.redgrid.lists.control.matching.FitComponent;
import org.redgrid.lists.control.matching.MatchWeights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A matching batch (匹配批次): the proposal the matcher made for a community's or street's open demands and available
 * resources, with every pair's score breakdown, and staff's decision on each pair.
 */
@RegisterForReflection(targets = { Fit.class, FitComponent.class, Criterion.class, MatchWeights.class })
public record MatchBatch(String id, String nodeCode, String nodePath, String createdBy, String createdAt,
        MatchWeights weights, long totalFit, int candidateEdges, int demandCount, int resourceCount,
        List<Pair> pairs, List<String> unmatchedDemandIds) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";
    /** Accepted, but the claim was refused (taken meanwhile, resource full): {@code decisionCode} says why. */
    public static final String FAILED = "FAILED";

    /**
     * 匹配建议与处理: a proposed pair and what staff made of it.
     *
     * @param decidedResourceId the resource staff accepted (another one than proposed when they edited the pair)
     */
    @RegisterForReflection
    @Schema(name = "ProposedPair")
    public record Pair(String demandId, String resourceId, Fit fit, String decision, String decisionCode,
            String decidedResourceId, String decidedBy) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Pair>> PAIRS = new TypeReference<>() {
    };

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
        try {
            // One attribute of JSON: a batch is read and written whole, and 500 pairs with breakdowns stay far below
            // DynamoDB's 400 KB item limit.
            item.put("pairs", s(JSON.writeValueAsString(pairs)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        item.put("unmatched", Resource.strings(unmatchedDemandIds));
        return item;
    }

    /** The batch from its item and its decision items ({@code DECISION#<demand>}, same partition). */
    public static MatchBatch fromItems(List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> item = items.stream().filter(i -> Keys.BATCH_SK.equals(Attr.str(i, SingleTable.SK)))
                .findFirst().orElseThrow();
        Map<String, Map<String, AttributeValue>> decisions = new HashMap<>();
        items.stream().filter(i -> Attr.str(i, SingleTable.SK).startsWith("DECISION#"))
                .forEach(i -> decisions.put(Attr.str(i, "demandId"), i));
        List<Pair> stored;
        try {
            stored = JSON.readValue(Attr.str(item, "pairs"), PAIRS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<Pair> pairs = stored.stream().map(p -> {
            Map<String, AttributeValue> d = decisions.get(p.demandId());
            return d == null ? p : new Pair(p.demandId(), p.resourceId(), p.fit(), Attr.str(d, "decision"),
                    Attr.str(d, "decisionCode"), Attr.str(d, "resourceId"), Attr.str(d, "decidedBy"));
        }).toList();
        List<Integer> w = item.get("weights").l().stream().map(v -> Integer.parseInt(v.n())).toList();
        return new MatchBatch(Attr.str(item, "id"), Attr.str(item, "nodeCode"), Attr.str(item, "nodePath"),
                Attr.str(item, "createdBy"), Attr.str(item, "createdAt"),
                new MatchWeights(w.get(0), w.get(1), w.get(2), w.get(3), w.get(4)), Attr.num(item, "totalFit"),
                (int) Attr.num(item, "candidateEdges"), (int) Attr.num(item, "demandCount"),
                (int) Attr.num(item, "resourceCount"), pairs, Demand.list(item, "unmatched"));
    }
}
