package org.redgrid.lists.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.taxonomy.Category;
import org.redgrid.lists.entity.DemandStatus;
import org.redgrid.lists.entity.Keys;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A node's indicators (清单指标), read from the counters every write keeps (two GetItems, no Scan): demands by status,
 * category and grid, the match rate, the month's flow, the median time from publication to claim (from the month's
 * histogram: the upper bound of the bucket holding the median), and resource utilisation.
 */
@ApplicationScoped
public class Indicators {

    @Inject
    ListsStore store;

    @Inject
    ListsGrid grid;

    @Inject
    Guard guard;

    /** One bucket of the claim-time histogram; {@code upToMinutes} null for the open-ended last one. */
    @RegisterForReflection
    public record Bucket(Long upToMinutes, long count) {
    }

    @RegisterForReflection
    public record View(String nodeCode, String month, Map<String, Long> byStatus, Map<String, Long> byCategory,
            Map<String, Long> byGrid, long total, Double matchRate, long published, long claimed, long matched, long closed,
            Double averageRating, Long medianMinutesToClaim, List<Bucket> claimTimeHistogram, long resources, long capacity,
            long taken, Double utilisation) {
    }

    public View of(String code, String month) {
        GridPort.Place place = grid.node(code);
        guard.require(ListsPermissions.INDICATORS_READ, place.path());
        Map<String, AttributeValue> now = store.table().get(Keys.tally(code), Keys.NOW).orElse(Map.of());
        Map<String, AttributeValue> m = store.table().get(Keys.tally(code), Keys.month(month)).orElse(Map.of());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (DemandStatus s : DemandStatus.values()) {
            byStatus.put(s.name(), Attr.num(now, "s_" + s.name()));
        }
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.code(), Attr.num(now, "c_" + c.code()));
        }
        Map<String, Long> byGrid = new TreeMap<>();
        now.keySet().stream().filter(k -> k.startsWith("g_")).forEach(k -> byGrid.put(k.substring(2), Attr.num(now, k)));
        long total = Attr.num(now, "total");
        long served = byStatus.get("CLAIMED") + byStatus.get("MATCHED") + byStatus.get("DONE") + byStatus.get("CLOSED");
        long countable = total - byStatus.get("CANCELLED");
        List<Bucket> histogram = new ArrayList<>();
        Tallies.CLAIM_BUCKETS.forEach(b -> histogram.add(new Bucket(b, Attr.num(m, "h_" + b))));
        histogram.add(new Bucket(null, Attr.num(m, "h_more")));
        long ratings = Attr.num(m, "ratings");
        long capacity = Attr.num(now, "capacity");
        long taken = Attr.num(m, "taken");
        return new View(code, month, byStatus, byCategory, byGrid, total, countable == 0 ? null : ratio(served, countable),
                Attr.num(m, "published"), Attr.num(m, "claimed"), Attr.num(m, "matched"), Attr.num(m, "closed"),
                ratings == 0 ? null : ratio(Attr.num(m, "ratingSum"), ratings), median(histogram), histogram,
                Attr.num(now, "resources"), capacity, taken, capacity == 0 ? null : ratio(taken, capacity));
    }

    /** The upper bound of the bucket holding the median claim; null when nothing was claimed (or beyond the last bound). */
    static Long median(List<Bucket> histogram) {
        long n = histogram.stream().mapToLong(Bucket::count).sum();
        if (n == 0) {
            return null;
        }
        long seen = 0;
        for (Bucket b : histogram) {
            seen += b.count();
            // the lower median: the (n+1)/2-th smallest claim time
            if (seen >= (n + 1) / 2) {
                return b.upToMinutes();
            }
        }
        return null;
    }

    private static double ratio(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 1000.0;
    }
}
