package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.lists.entity.Demand;
import org.redgrid.lists.entity.DemandStatus;
import org.redgrid.lists.entity.Keys;
import org.redgrid.lists.entity.Resource;
import org.redgrid.lists.entity.ResourceStatus;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;

/**
 * The claim rules (认领规则) shared by 秒认领 and accepted matching pairs: in one transaction the demand's claim item
 * is created (the first claim wins: {@code attribute_not_exists}), the demand moves from OPEN to CLAIMED or MATCHED,
 * the resource's count for the month grows within its capacity (conditional counter), and the indicators (status
 * counts, claims of the month, the time-to-claim histogram, resources' use) grow with it.
 */
@ApplicationScoped
public class Claims {

    @Inject
    ListsStore store;

    @Inject
    Months months;

    public static ProblemException alreadyClaimed() {
        return ProblemException.conflict("DEMAND_ALREADY_CLAIMED", "该需求已被认领");
    }

    /**
     * Adds the claim of {@code demand} by {@code resource}'s owner to {@code tx}.
     *
     * @param via       {@link Demand#VIA_CLAIM} or {@link Demand#VIA_MATCHING}
     * @param decidedBy the staff member who accepted a matching pair, or null
     */
    public void add(Transaction tx, Demand demand, Resource resource, String via, String decidedBy) {
        if (resource.status() != ResourceStatus.ACTIVE) {
            throw notActive();
        }
        if (resource.coverPaths().stream().noneMatch(demand.gridPath()::startsWith)) {
            throw ProblemException.badRequest("RESOURCE_DOES_NOT_COVER", "该资源的服务范围不包括此需求所在网格");
        }
        Instant now = months.now();
        String month = months.of(now);
        long minutes = Math.max(0, Duration.between(Instant.parse(demand.publishedAt()), now).toMinutes());
        DemandStatus to = Demand.VIA_MATCHING.equals(via) ? DemandStatus.MATCHED : DemandStatus.CLAIMED;
        SingleTable table = store.table();

        Map<String, AttributeValue> claim = new HashMap<>(SingleTable.key(Keys.claim(demand.id()), Keys.CLAIM_SK));
        claim.put(SingleTable.GSI1PK, s(Keys.claimsOf(resource.owner())));
        claim.put(SingleTable.GSI1SK, s(now + "#" + demand.id()));
        claim.put("demandId", s(demand.id()));
        claim.put("resourceId", s(resource.id()));
        claim.put("claimant", s(resource.owner()));
        claim.put("claimedAt", s(now.toString()));
        table.putNew(tx, claim, Claims::alreadyClaimed);

        Map<String, AttributeValue> values = new HashMap<>(Map.of(":open", s(DemandStatus.OPEN.name()), ":to", s(to.name()),
                ":claimant", s(resource.owner()), ":resource", s(resource.id()), ":via", s(via), ":at", s(now.toString()),
                ":minutes", Attr.n(minutes), ":one", Attr.n(1)));
        demand.indexKeys(to).forEach((k, v) -> values.put(":" + k, v));
        String decided = decidedBy == null ? "" : ", decidedBy = :decidedBy";
        if (decidedBy != null) {
            values.put(":decidedBy", s(decidedBy));
        }
        table.update(tx, SingleTable.key(Keys.demand(demand.id()), Keys.DEMAND_SK), u -> u
                .updateExpression("SET #status = :to, claimant = :claimant, resourceId = :resource, via = :via, claimedAt = :at, "
                        + "minutesToClaim = :minutes, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk"
                        + decided + " ADD version :one")
                .conditionExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values),
                () -> ProblemException.conflict("DEMAND_NOT_OPEN", "该需求已不再开放认领"));

        // The load below is bounded by the capacity read: an edit lowering it meanwhile must refuse this claim.
        tx.check(ConditionCheck.builder().tableName(table.name()).key(SingleTable.key(Keys.resource(resource.id()), Keys.RESOURCE_SK))
                .conditionExpression("#status = :active AND #capacity = :capacity")
                .expressionAttributeNames(Map.of("#status", "status", "#capacity", "capacity"))
                .expressionAttributeValues(Map.of(":active", s(ResourceStatus.ACTIVE.name()), ":capacity", Attr.n(resource.capacity())))
                .build(), () -> ProblemException.conflict("RESOURCE_CHANGED", "该资源刚被撤回或修改，请刷新后重试"));
        table.update(tx, SingleTable.key(Keys.resource(resource.id()), Keys.load(month)), u -> u
                .updateExpression("ADD taken :one")
                .conditionExpression("attribute_not_exists(taken) OR taken < :capacity")
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":capacity", Attr.n(resource.capacity()))),
                () -> ProblemException.conflict("RESOURCE_FULL", "该资源本月可承接的需求已满"));

        new Tallies().moved(demand.gridPath(), DemandStatus.OPEN, to)
                .month(demand.gridPath(), month, Demand.VIA_MATCHING.equals(via) ? "matched" : "claimed", 1)
                .month(demand.gridPath(), month, Tallies.bucket(minutes), 1)
                .month(resource.nodePath(), month, "taken", 1)
                .writeTo(table, tx);
    }

    static ProblemException notActive() {
        return ProblemException.conflict("RESOURCE_NOT_ACTIVE", "该资源已撤回，不能承接需求");
    }
}
