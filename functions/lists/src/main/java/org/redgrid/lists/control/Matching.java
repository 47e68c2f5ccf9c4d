package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
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

    /** Demands and resources read for one batch: a community or street; a district splits into its streets. */
    public static final int MAX_BATCH = 500;
    private static final Set<String> BATCH_LEVELS = Set.of(ListsGrid.COMMUNITY, ListsGrid.STREET);

    @Inject
    ListsStore store;

    @Inject
    ListsGrid grid;

    @Inject
    Guard guard;

    @Inject
    Months months;

    @Inject
    Claims claims;

    @Inject
    Demands demands;

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

    /** Runs the matcher over the node's open demands and its street's active resources and stores the proposal. */
    public MatchBatch run(String nodeCode) {
        GridPort.Place place = grid.named("nodeCode", nodeCode, BATCH_LEVELS, "匹配批次须为社区或街道");
        guard.require(ListsPermissions.MATCHING_WRITE, place.path());
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
        String month = months.current();
        Map<String, Long> taken = new HashMap<>();
        store.table().getAll(active.stream().map(r -> SingleTable.key(Keys.resource(r.id()), Keys.load(month))).toList())
                .forEach(item -> taken.put(Attr.str(item, SingleTable.PK).substring("RESOURCE#".length()), Attr.num(item, "taken")));
        List<org.redgrid.lists.control.matching.Demand> batchDemands = open.stream().map(Matching::asMatched).toList();
        List<org.redgrid.lists.control.matching.Resource> batchResources = new ArrayList<>();
        for (Resource r : active) {
            long left = r.capacity() - taken.getOrDefault(r.id(), 0L);
            if (left > 0) {
                batchResources.add(asMatched(r, (int) left));
            }
        }
        MatchWeights weights = storedWeights(place.code()).weights();
        MatchProposal proposal;
        try {
            proposal = new Matcher(weights).propose(batchDemands, batchResources);
        } catch (InvalidBatchException e) {
            throw ProblemException.conflict(e.code(), e.getMessage());
        }
        Instant now = months.now();
        MatchBatch batch = new MatchBatch(Ids.newId(now), place.code(), place.path(), guard.caller().username(), now.toString(),
                weights, proposal.totalFit(), proposal.candidateEdges(), open.size(), batchResources.size(),
                proposal.pairs().stream().map(p -> new MatchBatch.Pair(p.demandId(), p.resourceId(), p.fit(), null, null, null, null))
                        .toList(), proposal.unmatchedDemandIds());
        Transaction tx = new Transaction();
        store.table().putNew(tx, batch.toItem(), () -> ProblemException.conflict("BATCH_EXISTS", "批次编号冲突，请重试"));
        store.table().commit(tx);
        return batch;
    }

    public Page<MatchBatch> list(String under, int limit, String cursor) {
        GridPort.Place place = batchNode(under);
        guard.require(ListsPermissions.MATCHING_READ, place.path());
        return store.follow(store.byParentNewestFirst(Keys.batchesOf(place.code()), limit, cursor),
                b -> SingleTable.key(Attr.str(b, SingleTable.PK), Keys.BATCH_SK), b -> load(Attr.str(b, "id")));
    }

    public MatchBatch get(String id) {
        MatchBatch b = load(id);
        guard.require(ListsPermissions.MATCHING_READ, b.nodePath());
        return b;
    }

    /** A pair staff accept: as proposed, or edited to another resource. */
    public record Acceptance(String demandId, String resourceId) {
    }

    /**
     * Records staff's decisions: each accepted pair becomes a claim by the resource's owner (under the claim rules,
     * with its decision in the same transaction), a refused claim is recorded as FAILED with the refusal's code,
     * a rejected demand as REJECTED. Each demand of a batch is decided once.
     */
    public MatchBatch decide(String id, List<Acceptance> accept, List<String> reject) {
        MatchBatch batch = load(id);
        guard.require(ListsPermissions.MATCHING_WRITE, batch.nodePath());
        Set<String> inBatch = new HashSet<>();
        batch.pairs().forEach(p -> inBatch.add(p.demandId()));
        inBatch.addAll(batch.unmatchedDemandIds());
        List<FieldError> errors = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < accept.size(); i++) {
            check(errors, "accept[" + i + "].demandId", accept.get(i).demandId(), inBatch, named);
        }
        for (int i = 0; i < reject.size(); i++) {
            check(errors, "reject[" + i + "]", reject.get(i), inBatch, named);
        }
        Checks.raise(errors);
        String me = guard.caller().username();
        for (Acceptance a : accept) {
            Transaction tx = new Transaction();
            try {
                Demand demand = demands.load(a.demandId());
                Resource resource = resources.load(a.resourceId());
                decision(tx, id, a.demandId(), MatchBatch.ACCEPTED, null, a.resourceId(), me);
                claims.add(tx, demand, resource, Demand.VIA_MATCHING, me);
                store.table().commit(tx);
            } catch (ProblemException refused) {
                if ("PAIR_DECIDED".equals(refused.code())) {
                    throw refused;
                }
                Transaction failed = new Transaction();
                decision(failed, id, a.demandId(), MatchBatch.FAILED, refused.code(), a.resourceId(), me);
                store.table().commit(failed);
            }
        }
        for (String demandId : reject) {
            Transaction tx = new Transaction();
            decision(tx, id, demandId, MatchBatch.REJECTED, null, null, me);
            store.table().commit(tx);
        }
        return load(id);
    }

    MatchBatch load(String id) {
        List<Map<String, AttributeValue>> items = store.table().partition(Keys.batch(id));
        if (items.stream().noneMatch(i -> Keys.BATCH_SK.equals(Attr.str(i, SingleTable.SK)))) {
            throw ProblemException.notFound("BATCH_NOT_FOUND", "匹配批次不存在");
        }
        return MatchBatch.fromItems(items);
    }

    private void decision(Transaction tx, String batchId, String demandId, String decision, String code, String resourceId,
            String by) {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.batch(batchId), Keys.decision(demandId)));
        item.put("demandId", s(demandId));
        item.put("decision", s(decision));
        Attr.putIfPresent(item, "decisionCode", code);
        Attr.putIfPresent(item, "resourceId", resourceId);
        item.put("decidedBy", s(by));
        store.table().putNew(tx, item, () -> ProblemException.conflict("PAIR_DECIDED", "该需求在本批次中已处理").with("demandId", demandId));
    }

    private static void check(List<FieldError> errors, String field, String demandId, Set<String> inBatch, Set<String> named) {
        if (!inBatch.contains(demandId)) {
            errors.add(new FieldError(field, "NOT_IN_BATCH", "需求 " + demandId + " 不在本批次中"));
        } else if (!named.add(demandId)) {
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
