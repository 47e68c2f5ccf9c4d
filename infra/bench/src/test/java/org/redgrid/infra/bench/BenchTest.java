package org.redgrid.infra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgrid.infra.template.SamTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The harness runs end to end on the tiny setting and reports every figure; the figures themselves are not judged. */
class BenchTest {

    @TempDir
    Path work;

    @Test
    void theHarnessProducesEveryFigure() throws Exception {
        JsonNode results = Bench.run(SamTemplate.locate().getParent(), Bench.TINY, work);
        for (String key : List.of("startup_ratio", "overhead_ratio_p50", "overhead_ratio_p99", "max_units_ratio", "scans_on_request_paths")) {
            assertTrue(results.path(key).isNumber(), key + " missing in " + results);
        }
        assertEquals(6, results.path("endpoints").size());
        assertEquals(1, results.path("startup").path("redgrid").path("runs").asInt());
        assertTrue(results.path("startup").path("hello").path("median").asDouble() > 0);
        assertTrue(results.path("local_runtime").path("start_to_first_response_ms").asLong() > 0);
        assertTrue(Bench.markdown(results).contains("| POST /directory/people |"));

        JsonNode scenarios = results.path("scenarios");
        assertEquals(3, scenarios.path("rows").size(), scenarios::toString);
        scenarios.path("rows").forEach(row -> assertEquals(Bench.TINY.requests(), row.path("runs").asInt(), row::toString));
        JsonNode redemption = scenarios.path("redemption");
        assertEquals(redemption.path("households").asInt(), redemption.path("runs").asInt(), "every household tried once");
        assertEquals(redemption.path("stock").asLong(), redemption.path("redeemed").asLong(), "every household could pay: the stock sells out");
        assertEquals(0, redemption.path("stock_left").asLong());
        assertEquals(0, redemption.path("oversell").asLong());
        assertTrue(redemption.path("stock_matches_sales").asBoolean());
        assertTrue(scenarios.path("rows").path(0).path("write_units_median").asDouble() > 0, "units are reported");
        assertTrue(Bench.markdown(results).contains("Redemption under contention"));
    }

    @Test
    void costAddsLambdaApiAndDynamoDbPerMillion() {
        // 100 ms at 1024 MB = 0.1 GB-s per request; 1 RRU and 2 WRU per request.
        double expected = 1e6 * 0.1 * Bench.LAMBDA_GB_SECOND + Bench.LAMBDA_PER_MILLION + Bench.HTTP_API_PER_MILLION
                + 1 * Bench.DDB_READ_UNITS_PER_MILLION + 2 * Bench.DDB_WRITE_UNITS_PER_MILLION;
        assertEquals(expected, Bench.cost(100, 1024, new double[] { 1, 2 }), 1e-9);
    }
}
