package org.redgrid.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.kernel.jobs.JobDispatch;
import org.redgrid.points.control.ChainAudit;
import org.redgrid.points.control.Expiry;
import org.redgrid.points.control.PointsJobs;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The scheduled jobs as the schedule function runs them: by the name in the schedule's input, with no caller. */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
class PointsJobsTest {

    @Test
    void theChainAuditAndTheExpiryRunByNameOverEveryCommunityWithPoints() {
        PointsWorld w = new PointsWorld();
        String household = w.household(w.d.gridA1);
        w.awarded(household, 30);

        List<?> audits = (List<?>) JobDispatch.run(PointsJobs.CHAIN_AUDIT, Instant.now());
        ChainAudit.Result mine = audits.stream().map(ChainAudit.Result.class::cast)
                .filter(r -> r.communityCode().equals(w.d.communityA)).findFirst().orElseThrow(() -> new AssertionError(audits.toString()));
        assertTrue(mine.intact(), mine::toString);
        assertTrue(mine.accounts() >= 2, "the household's and the budget's chains: " + mine);

        List<?> expiries = (List<?>) JobDispatch.run(PointsJobs.EXPIRY, Instant.now());
        assertTrue(expiries.stream().map(Expiry.Result.class::cast).noneMatch(r -> r.communityCode().equals(w.d.communityA) && r.points() > 0),
                "this year's points do not expire: " + expiries);
        assertEquals(30, w.balance(PointsWorld.hh(household)));
    }

    @Test
    void anUnknownJobIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JobDispatch.run("points-nothing", Instant.now()));
    }
}
