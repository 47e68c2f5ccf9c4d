package org.redgrid.lists.control.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * 候选图: which resource may serve which demand, and with what fit — at most K best resources per demand (best by fit,
 * ties to the smaller resource id). Demands and resources are held sorted by id, so the graph, and everything solved
 * on it, is the same whatever order the batch came in. Memory is linear in the edges.
 */
public final class CandidateGraph {

    private static final int[] NONE = new int[0];
    /** The reach of an area found at each level of {@link GridPath#containingKeys()}. */
    private static final GridPath.Proximity[] REACH = {
        GridPath.Proximity.SAME_STREET, GridPath.Proximity.SAME_COMMUNITY, GridPath.Proximity.SAME_GRID};

    private final FitScorer scorer;
    private final List<Demand> demands;
    private final List<Resource> resources;
    private final int[] edgeStart;
    private final int[] edgeResource;
    private final int[] edgeFit;

    private CandidateGraph(FitScorer scorer, List<Demand> demands, List<Resource> resources, int[] edgeStart,
            int[] edgeResource, int[] edgeFit) {
        this.scorer = scorer;
        this.demands = demands;
        this.resources = resources;
        this.edgeStart = edgeStart;
        this.edgeResource = edgeResource;
        this.edgeFit = edgeFit;
    }

    static CandidateGraph build(Collection<Demand> batchDemands, Collection<Resource> batchResources, FitScorer scorer,
            int maxCandidates) {
        List<Demand> demands = sortedUnique(batchDemands, Demand::id, "MATCH_DUPLICATE_DEMAND", "需求");
        List<Resource> resources = sortedUnique(batchResources, Resource::id, "MATCH_DUPLICATE_RESOURCE", "资源");
        Map<String, int[]> index = index(resources);
        Codes categories = new Codes(resources, Resource::categories);
        Codes skills = new Codes(resources, Resource::skills);
        int[] edgeStart = new int[demands.size() + 1];
        IntList edgeResource = new IntList();
        IntList edgeFit = new IntList();
        int[] seenBy = new int[resources.size()];
        Arrays.fill(seenBy, -1);
        int[] scores = new int[Criterion.values().length];
        long[] found = new long[16];
        for (int i = 0; i < demands.size(); i++) {
            Demand d = demands.get(i);
            long[] category = categories.mask(Set.of(d.category()));
            long[] needed = skills.mask(d.skills());
            int count = 0;
            List<String> offers = offersWanted(d);
            String[] areas = d.grid().containingKeys();
            // Narrowest area first: where a resource is first found is the most specific area it covers.
            for (int level = areas.length - 1; level >= 0; level--) {
                for (String offer : offers) {
                    for (int r : index.getOrDefault(areas[level] + '|' + offer, NONE)) {
                        if (seenBy[r] == i) {
                            continue;
                        }
                        seenBy[r] = i;
                        int fit = scorer.score(d, resources.get(r), REACH[level], categories.shared(category, r) > 0,
                                skills.shared(needed, r), scores);
                        if (fit > 0) {
                            if (count == found.length) {
                                found = Arrays.copyOf(found, 2 * count);
                            }
                            // Ascending order of this key is fit descending, then resource index ascending.
                            found[count++] = ((long) (Integer.MAX_VALUE - fit) << 32) | r;
                        }
                    }
                }
            }
            keepBest(found, count, maxCandidates, edgeResource, edgeFit);
            edgeStart[i + 1] = edgeResource.size();
        }
        return new CandidateGraph(scorer, demands, resources, edgeStart, edgeResource.toArray(), edgeFit.toArray());
    }

    /** Appends the best {@code max} of one demand's {@code found} candidates, by resource index. */
    private static void keepBest(long[] found, int count, int max, IntList edgeResource, IntList edgeFit) {
        Arrays.sort(found, 0, count);
        int kept = Math.min(count, max);
        long[] best = new long[kept];
        for (int j = 0; j < kept; j++) {
            int r = (int) found[j];
            best[j] = ((long) r << 32) | (Integer.MAX_VALUE - (int) (found[j] >>> 32));
        }
        // Within a demand, edges go by resource index so that the solver sees a canonical graph.
        Arrays.sort(best);
        for (long k : best) {
            edgeResource.add((int) (k >>> 32));
            edgeFit.add((int) k);
        }
    }

    /** Resources by (area they cover, category or skill they offer), in index order. */
    private static Map<String, int[]> index(List<Resource> resources) {
        Map<String, IntList> lists = new HashMap<>();
        for (int r = 0; r < resources.size(); r++) {
            Resource res = resources.get(r);
            Set<String> keys = new HashSet<>();
            for (GridPath area : res.covers()) {
                for (String c : res.categories()) {
                    keys.add(area.code() + "|c:" + c);
                }
                for (String s : res.skills()) {
                    keys.add(area.code() + "|s:" + s);
                }
            }
            for (String key : keys) {
                lists.computeIfAbsent(key, k -> new IntList()).add(r);
            }
        }
        Map<String, int[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> index.put(key, list.toArray()));
        return index;
    }

    private static List<String> offersWanted(Demand d) {
        List<String> offers = new ArrayList<>(1 + d.skills().size());
        offers.add("c:" + d.category());
        for (String s : d.skills()) {
            offers.add("s:" + s);
        }
        return offers;
    }

    private static <T> List<T> sortedUnique(Collection<T> items, Function<T, String> id, String code,
            String noun) {
        InvalidBatchException.require(items != null, "MATCH_BAD_BATCH", noun + "列表不能为空值");
        List<T> sorted = new ArrayList<>(items);
        for (T item : sorted) {
            InvalidBatchException.require(item != null, "MATCH_BAD_BATCH", noun + "列表含有空项");
        }
        sorted.sort(Comparator.comparing(id));
        for (int i = 1; i < sorted.size(); i++) {
            String a = id.apply(sorted.get(i - 1));
            InvalidBatchException.require(!a.equals(id.apply(sorted.get(i))), code, noun + "编号重复：" + a);
        }
        return List.copyOf(sorted);
    }

    public int demandCount() {
        return demands.size();
    }

    public int resourceCount() {
        return resources.size();
    }

    public int edgeCount() {
        return edgeResource.length;
    }

    /** The i-th demand by id order. */
    public Demand demand(int i) {
        return demands.get(i);
    }

    /** The r-th resource by id order. */
    public Resource resource(int r) {
        return resources.get(r);
    }

    /** Demand {@code i}'s edges are {@code edgeStart(i) .. edgeStart(i + 1) - 1}. */
    public int edgeStart(int i) {
        return edgeStart[i];
    }

    public int edgeResource(int e) {
        return edgeResource[e];
    }

    public int edgeFit(int e) {
        return edgeFit[e];
    }

    /** The breakdown of the pair edge {@code e} joins to demand {@code i}. */
    Fit explain(int i, int e) {
        return scorer.explain(demands.get(i), resources.get(edgeResource[e]));
    }

    int[] edgeStarts() {
        return edgeStart;
    }

    int[] edgeResources() {
        return edgeResource;
    }

    int[] edgeFits() {
        return edgeFit;
    }

    int[] capacities() {
        int[] capacity = new int[resources.size()];
        for (int r = 0; r < capacity.length; r++) {
            capacity[r] = resources.get(r).capacity();
        }
        return capacity;
    }

    /**
     * The codes (categories or skills) of a batch's resources as one flat bitset per resource: the hot loop counts
     * shared codes with a few ANDs on neighbouring words instead of hashing strings in sets scattered over the heap.
     */
    private static final class Codes {
        private final Map<String, Integer> bit = new HashMap<>();
        private final int words;
        private final long[] sets;

        Codes(List<Resource> resources, Function<Resource, Set<String>> codes) {
            for (Resource r : resources) {
                for (String code : codes.apply(r)) {
                    bit.putIfAbsent(code, bit.size());
                }
            }
            words = Math.max(1, (bit.size() + 63) >>> 6);
            sets = new long[resources.size() * words];
            for (int r = 0; r < resources.size(); r++) {
                long[] mask = mask(codes.apply(resources.get(r)));
                System.arraycopy(mask, 0, sets, r * words, words);
            }
        }

        /** The bitset of some codes; codes no resource has are left out, since they can never be shared. */
        long[] mask(Set<String> codes) {
            long[] mask = new long[words];
            for (String code : codes) {
                Integer b = bit.get(code);
                if (b != null) {
                    mask[b >>> 6] |= 1L << b;
                }
            }
            return mask;
        }

        /** How many of the codes in {@code mask} resource {@code r} has. */
        int shared(long[] mask, int r) {
            int shared = 0;
            for (int w = 0, at = r * words; w < words; w++, at++) {
                shared += Long.bitCount(mask[w] & sets[at]);
            }
            return shared;
        }
    }

    /** A growable int array: the graph holds hundreds of thousands of edges, boxed lists would triple its memory. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
