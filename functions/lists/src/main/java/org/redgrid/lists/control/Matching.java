package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.lists.control.matching.CandidateGraph;
import org.redgrid.lists.control.matching.GridPath;
import org.redgrid.lists.control.matching.InvalidBatchException;
import org.redgrid.lists.control.matching.MatchProposal;
import org.redgrid.lists.control.matching.MatchWeights;
import org.redgrid.lists.control.matching.Matcher;
import org.redgrid.lists.control.matching.TimeWindow;
import org.redgrid.lists.entity.Demand;
import org.redgrid.lists.entity.DemandStatus;
import org.redgrid.lists.entity.Keys;
import org.redgrid.lists.entity.MatchBatch;
import org.redgrid.lists.entity.Resource;
import org.redgrid.lists.entity.ResourceStatus;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Matching batches (匹配批次): a community's (or street's) open demands against the available resources of its street,
 * solved exactly by the {@link Matcher} under the node's stored weights, kept as a proposal with each pair's score
 * breakdown; staff accept pairs (as proposed or edited to another resource), which become claims under the claim
 * rules, or reject them.
 */
@ApplicationScoped
public class Matching {

    /**
     * Demands (and resources) read for one batch at most: a street's open list, stored in parts and paged. A district
     * splits into its streets: its reading and writing would outlast the HTTP API's 30 s.
     */
    public static final int MAX_BATCH = 5_000;
    /** Pairs decided (accepted and rejected together) in one call: each is its own transaction. */
    public static final int MAX_DECIDE = 100;
    private static final Set<String> BATCH_LEVELS = Set.of(ListsGrid.COMMUNITY, ListsGrid.STREET);

    @Inject
    ListsStore store;

    @Inject
    ListsGrid grid;

    @Inject
    Guard guard;

    @Inject
    Idempotency idempotency;

    @Inject
    Months months;

    @Inject
    Claims claims;

    @Inject
    Resources resources;

    /** A node's weights (匹配权重) and whether they were set for it. */
    public record Weights(String nodeCode, MatchWeights weights, boolean custom, long version) {
    }

    public Weights weights(String code) {
        GridPort.Place place = batchNode(code);
        guard.require(ListsPermissions.MATCHING_READ, place.path());
        return storedWeights(place.code());
    }

    public Weights setWeights(String code, MatchWeights weights) {
        GridPort.Place place = batchNode(code);
        guard.require(ListsPermissions.MATCHING_WRITE, place.path());
        if (weights.category() + weights.skill() + weights.proximity() + weights.time() + weights.urgency() == 0) {
            throw ProblemException.invalidField("category", "ALL_ZERO", "权重不能全部为 0");
        }
        Weights current = storedWeights(place.code());
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.weights(place.code()), Keys.WEIGHTS_SK));
        item.put("weights", AttributeValue.fromL(List.of(Attr.n(weights.category()), Attr.n(weights.skill()),
                Attr.n(weights.proximity()), Attr.n(weights.time()), Attr.n(weights.urgency()))));
        item.put("version", Attr.n(current.version() + 1));
        item.put("updatedBy", s(guard.caller().username()));
        Transaction tx = new Transaction();
        if (current.custom()) {
            store.table().putVersioned(tx, item, current.version());
        } else {
            store.table().putNew(tx, item, SingleTable::versionConflict);
        }
        store.table().commit(tx);
        return storedWeights(place.code());
    }

    /**
     * Runs the matcher over the node's open demands and its street's active resources and stores the proposal: one
     * item per pair and per demand left without one (BatchWriteItem), then the head, last and conditionally, so a
     * batch whose writing broke off is never listed or read (its parts stay unreachable).
     */
    public MatchBatch run(String nodeCode, Idempotency.Key key) {
        GridPort.Place place = grid.named("nodeCode", nodeCode, BATCH_LEVELS, "匹配批次须为社区或街道");
        guard.require(ListsPermissions.MATCHING_WRITE, place.path());
        return idempotency.once(store.table(), key, tx -> propose(tx, place), MatchBatch::id, this::get);
    }

    /**
     * The proposal's parts written, its head added to {@code tx}: a retried request that lost the race to its first
     * copy leaves its parts unreachable, as a broken-off one does.
     */
    private MatchBatch propose(Transaction tx, GridPort.Place place) {
        String root = Keys.root(place.path());
        List<Demand> open = store.table().allUnderPath(Keys.demands(DemandStatus.OPEN, root), place.path(), MAX_BATCH)
                .stream().map(Demand::fromItem).toList();
        String streetPath = "/" + String.join("/", Keys.codes(place.path()).subList(0, 2)) + "/";
        List<Resource> active = store.table().allUnderPath(Keys.resources(ResourceStatus.ACTIVE, root), streetPath, MAX_BATCH)
                .stream().map(Resource::fromItem).toList();
        if (open.size() > MAX_BATCH || active.size() > MAX_BATCH) {
            throw ProblemException.conflict("BATCH_TOO_LARGE", "一个批次最多 " + MAX_BATCH + " 项需求和 " + MAX_BATCH
                    + " 项资源，请按社区分批匹配");
        }
        List<org.redgrid.lists.control.matching.Demand> batchDemands = open.stream().map(Matching::asMatched).toList();
        List<org.redgrid.lists.control.matching.Resource> batchResources = new ArrayList<>();
        for (Resource r : resources.withTaken(active)) {
            long left = r.capacity() - r.takenThisMonth();
            if (left > 0) {
                batchResources.add(asMatched(r, (int) left));
            }
        }
        MatchWeights weights = storedWeights(place.code()).weights();
        Matcher matcher = new Matcher(weights);
        CandidateGraph graph;
        MatchProposal proposal;
        try {
            graph = matcher.candidates(batchDemands, batchResources);
            proposal = matcher.propose(graph);
        } catch (InvalidBatchException e) {
            throw ProblemException.conflict(e.code(), e.getMessage());
        }
        Map<String, Demand> demandsById = new HashMap<>();
        open.forEach(d -> demandsById.put(d.id(), d));
        Map<String, Resource> resourcesById = new HashMap<>();
        active.forEach(r -> resourcesById.put(r.id(), r));
        Set<String> withCandidates = new HashSet<>();
        for (int i = 0; i < graph.demandCount(); i++) {
            if (graph.edgeStart(i) < graph.edgeStart(i + 1)) {
                withCandidates.add(graph.demand(i).id());
            }
        }
        Instant now = months.now();
        String id = Ids.newId(now);
        List<Map<String, AttributeValue>> parts = new ArrayList<>();
        proposal.pairs().forEach(p -> parts.add(MatchBatch.Pair.proposed(demandsById.get(p.demandId()), resourcesById.get(p.resourceId()),
                p.fit()).toItem(id)));
        int noCandidate = 0;
        for (String demandId : proposal.unmatchedDemandIds()) {
            boolean none = !withCandidates.contains(demandId);
            noCandidate += none ? 1 : 0;
            parts.add(MatchBatch.Pair.unmatched(demandsById.get(demandId), none ? MatchBatch.NO_CANDIDATE : MatchBatch.CAPACITY_TAKEN)
                    .toItem(id));
        }
        store.putAll(parts);
        MatchBatch batch = new MatchBatch(id, place.code(), place.path(), guard.caller().username(), now.toString(), weights,
                proposal.totalFit(), proposal.candidateEdges(), open.size(), batchResources.size(), proposal.pairs().size(),
                proposal.unmatchedDemandIds().size(), noCandidate, 0, 0, 0);
        store.table().putNew(tx, batch.toItem(), () -> ProblemException.conflict("BATCH_EXISTS", "批次编号冲突，请重试"));
        return batch;
    }

    /** A node's batches, newest first: one ByParent page of the heads (the index holds whole items). */
    public Page<MatchBatch> list(String under, int limit, String cursor) {
        GridPort.Place place = batchNode(under);
        guard.require(ListsPermissions.MATCHING_READ, place.path());
        return store.byParentNewestFirst(Keys.batchesOf(place.code()), limit, cursor).map(MatchBatch::fromItem);
    }

    public MatchBatch get(String id) {
        MatchBatch b = load(id);
        guard.require(ListsPermissions.MATCHING_READ, b.nodePath());
        return b;
    }

    /**
     * One page of a batch's proposed pairs (or, with {@code unmatched}, of its demands left without one), ordered by
     * grid path: one Query of the batch's partition, narrowed by {@code begins_with} to the node {@code under} names.
     */
    public Page<MatchBatch.Pair> pairs(String id, String under, boolean unmatched, int limit, String cursor) {
        MatchBatch b = get(id);
        String path = b.nodePath();
        if (under != null && !under.isBlank()) {
            path = grid.node(under).path();
            if (!path.startsWith(b.nodePath())) {
                throw ProblemException.invalidField("grid", "NOT_IN_BATCH", "该网格不在本批次的范围内");
            }
        }
        String prefix = unmatched ? Keys.unmatchedUnder(path) : Keys.pairsUnder(path);
        return store.partitionUnder(Keys.batch(id), prefix, limit, cursor).map(MatchBatch.Pair::fromItem);
    }

    /** A pair staff accept: as proposed, or edited to another resource. */
    public record Acceptance(String demandId, String resourceId) {
    }

    /** What a decision call answers: the batch's head with its counters, and the pairs named, as now decided. */
    public record Decided(MatchBatch batch, List<MatchBatch.Pair> pairs) {
    }

    /**
     * Records staff's decisions: each accepted pair becomes a claim by the resource's owner (under the claim rules,
     * with its decision in the same transaction), a refused claim is recorded as FAILED with the refusal's code,
     * a rejected demand as REJECTED. Each demand of a batch is decided once (a condition on its pair item). Only the
     * pairs named are read (BatchGetItem of the demands, then of their pair items), at most {@value #MAX_DECIDE} a call.
     */
    public Decided decide(String id, List<Acceptance> accept, List<String> reject) {
        MatchBatch batch = get(id);
        guard.require(ListsPermissions.MATCHING_WRITE, batch.nodePath());
        if (accept.size() + reject.size() > MAX_DECIDE) {
            throw ProblemException.invalidField("accept", "TOO_MANY", "一次最多处理 " + MAX_DECIDE + " 项，请分批处理");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < accept.size(); i++) {
            named(errors, fields, "accept[" + i + "].demandId", accept.get(i).demandId());
        }
        for (int i = 0; i < reject.size(); i++) {
            named(errors, fields, "reject[" + i + "]", reject.get(i));
        }
        Checks.raise(errors);
        Map<String, Demand> named = new HashMap<>();
        store.table().getAll(fields.keySet().stream().map(d -> SingleTable.key(Keys.demand(d), Keys.DEMAND_SK)).toList())
                .forEach(item -> named.put(Attr.str(item, "id"), Demand.fromItem(item)));
        List<Map<String, AttributeValue>> pairKeys = new ArrayList<>();
        named.values().forEach(d -> {
            pairKeys.add(SingleTable.key(Keys.batch(id), Keys.pair(d.gridPath(), d.id())));
            pairKeys.add(SingleTable.key(Keys.batch(id), Keys.unmatched(d.gridPath(), d.id())));
        });
        Map<String, MatchBatch.Pair> pairs = new HashMap<>();
        store.table().getAll(pairKeys).forEach(item -> pairs.put(Attr.str(item, "demandId"), MatchBatch.Pair.fromItem(item)));
        fields.forEach((demandId, field) -> {
            if (!pairs.containsKey(demandId)) {
                errors.add(new FieldError(field, "NOT_IN_BATCH", "需求 " + demandId + " 不在本批次中"));
            }
        });
        Checks.raise(errors);
        pairs.values().stream().filter(p -> p.decision() != null).findFirst().ifPresent(p -> {
            throw decidedAlready(p.demandId());
        });
        Map<String, Resource> chosen = new HashMap<>();
        store.table().getAll(accept.stream().map(a -> SingleTable.key(Keys.resource(a.resourceId()), Keys.RESOURCE_SK)).toList())
                .forEach(item -> chosen.put(Attr.str(item, "id"), Resource.fromItem(item)));
        String me = guard.caller().username();
        List<MatchBatch.Pair> decided = new ArrayList<>();
        for (Acceptance a : accept) {
            MatchBatch.Pair pair = pairs.get(a.demandId());
            MatchBatch.Pair done;
            try {
                Resource resource = Optional.ofNullable(chosen.get(a.resourceId()))
                        .orElseThrow(() -> ProblemException.notFound("RESOURCE_NOT_FOUND", "资源不存在"));
                Transaction tx = new Transaction();
                done = decision(tx, id, pair, MatchBatch.ACCEPTED, null, a.resourceId(), me);
                claims.add(tx, named.get(a.demandId()), resource, Demand.VIA_MATCHING, me);
                store.table().commit(tx);
            } catch (ProblemException refused) {
                if ("PAIR_DECIDED".equals(refused.code())) {
                    throw refused;
                }
                Transaction failed = new Transaction();
                done = decision(failed, id, pair, MatchBatch.FAILED, refused.code(), a.resourceId(), me);
                store.table().commit(failed);
            }
            decided.add(done);
        }
        for (String demandId : reject) {
            Transaction tx = new Transaction();
            decided.add(decision(tx, id, pairs.get(demandId), MatchBatch.REJECTED, null, null, me));
            store.table().commit(tx);
        }
        return new Decided(load(id), decided);
    }

    MatchBatch load(String id) {
        return MatchBatch.fromItem(store.existing(Keys.batch(id), Keys.BATCH_SK, "BATCH_NOT_FOUND", "匹配批次不存在"));
    }

    /**
     * Adds to {@code tx} the decision on {@code pair}: set on its item unless one is there already (409 PAIR_DECIDED),
     * and counted on the head; answers the pair as decided.
     */
    private MatchBatch.Pair decision(Transaction tx, String batchId, MatchBatch.Pair pair, String decision, String code,
            String resourceId, String by) {
        String at = months.now().toString();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":decision", s(decision), ":by", s(by), ":at", s(at)));
        StringBuilder set = new StringBuilder("SET decision = :decision, decidedBy = :by, decidedAt = :at");
        if (code != null) {
            set.append(", decisionCode = :code");
            values.put(":code", s(code));
        }
        if (resourceId != null) {
            set.append(", decidedResourceId = :resource");
            values.put(":resource", s(resourceId));
        }
        store.table().update(tx, SingleTable.key(Keys.batch(batchId), pair.sortKey()), u -> u.updateExpression(set.toString())
                .conditionExpression("attribute_exists(pk) AND attribute_not_exists(decision)").expressionAttributeValues(values),
                () -> decidedAlready(pair.demandId()));
        store.table().update(tx, SingleTable.key(Keys.batch(batchId), Keys.BATCH_SK), u -> u.updateExpression("ADD #n :one")
                .expressionAttributeNames(Map.of("#n", decision)).expressionAttributeValues(Map.of(":one", Attr.n(1))),
                () -> ProblemException.notFound("BATCH_NOT_FOUND", "匹配批次不存在"));
        return pair.decided(decision, code, resourceId, by, at);
    }

    private static ProblemException decidedAlready(String demandId) {
        return ProblemException.conflict("PAIR_DECIDED", "该需求在本批次中已处理").with("demandId", demandId);
    }

    private static void named(List<FieldError> errors, Map<String, String> fields, String field, String demandId) {
        if (fields.putIfAbsent(demandId, field) != null) {
            errors.add(new FieldError(field, "DUPLICATE", "需求 " + demandId + " 重复出现"));
        }
    }

    private GridPort.Place batchNode(String code) {
        GridPort.Place place = grid.node(code);
        if (!BATCH_LEVELS.contains(place.level())) {
            throw ProblemException.badRequest("NOT_COMMUNITY_OR_STREET", "匹配只按社区或街道进行");
        }
        return place;
    }

    private Weights storedWeights(String code) {
        return store.table().get(Keys.weights(code), Keys.WEIGHTS_SK, true).map(item -> {
            List<Integer> w = item.get("weights").l().stream().map(v -> Integer.parseInt(v.n())).toList();
            return new Weights(code, new MatchWeights(w.get(0), w.get(1), w.get(2), w.get(3), w.get(4)), true,
                    Attr.num(item, "version"));
        }).orElse(new Weights(code, MatchWeights.DEFAULT, false, 0));
    }

    private static org.redgrid.lists.control.matching.Demand asMatched(Demand d) {
        List<String> codes = Keys.codes(d.gridPath());
        TimeWindow window = d.windowStart() == null ? null : new TimeWindow(Instant.parse(d.windowStart()), Instant.parse(d.windowEnd()));
        return new org.redgrid.lists.control.matching.Demand(d.id(), d.category(), Set.copyOf(d.skills()),
                GridPath.grid(codes.get(1), codes.get(2), codes.get(3)), null, window, d.urgency());
    }

    private static org.redgrid.lists.control.matching.Resource asMatched(Resource r, int capacityLeft) {
        TimeWindow window = r.availableFrom() == null ? null
                : new TimeWindow(Instant.parse(r.availableFrom()), Instant.parse(r.availableTo()));
        List<GridPath> covers = r.coverPaths().stream().map(path -> {
            List<String> codes = Keys.codes(path);
            return new GridPath(codes.get(1), codes.size() > 2 ? codes.get(2) : null, codes.size() > 3 ? codes.get(3) : null);
        }).toList();
        return new org.redgrid.lists.control.matching.Resource(r.id(), Set.copyOf(r.categories()), Set.copyOf(r.skills()), covers,
                null, window, capacityLeft);
    }
}
