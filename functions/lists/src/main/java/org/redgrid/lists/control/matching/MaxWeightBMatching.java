package org.redgrid.lists.control.matching;

import java.util.Arrays;

/**
 * 最大权 b-匹配: the exact maximum-weight b-matching of a sparse bipartite graph — each demand at most once, each
 * resource at most its capacity, not every demand matched.
 *
 * <p>Solved as a min-cost flow (demand → resource costs −weight; every demand may instead go straight to the sink at
 * cost 0, "unmatched"; resource → sink carries its capacity) by successive shortest paths: demands are added one at a
 * time and each is routed along a shortest augmenting path found by Dijkstra on reduced costs (Johnson potentials).
 * Dijkstra stops as soon as the sink is settled and only settled nodes' potentials move, so an augmentation costs only
 * the part of the graph it explores — the idea of sparse Jonker–Volgenant (SciPy's LAPJVsp). After each demand the
 * flow is a min-cost flow for the demands added so far, hence the final one is optimal. Integer weights keep it exact.
 *
 * <p>Deterministic: the result depends only on the order of demands, resources and edges given, never on hashing;
 * ties in Dijkstra go to the smaller node index.
 */
final class MaxWeightBMatching {

    private static final long UNREACHED = Long.MAX_VALUE;

    private MaxWeightBMatching() {
    }

    /**
     * @param edgeStart CSR offsets: demand {@code i}'s edges are {@code edgeStart[i] .. edgeStart[i+1]-1}
     * @param edgeResource each edge's resource index
     * @param edgeWeight each edge's weight, positive
     * @param capacity each resource's capacity, at least 1
     * @return for each demand the edge it is matched by, or -1
     */
    static int[] solve(int[] edgeStart, int[] edgeResource, int[] edgeWeight, int[] capacity) {
        return new Run(edgeStart, edgeResource, edgeWeight, capacity).solve();
    }

    /** One solve's state; nodes are demands {@code 0..n-1}, resources {@code n..n+m-1} and the sink {@code n+m}. */
    private static final class Run {
        final int n;
        final int m;
        final int sink;
        final int[] edgeStart;
        final int[] edgeResource;
        final int[] edgeWeight;
        /** Demand's matching edge, or -1. */
        final int[] matchEdge;
        /** Demands held by each resource: {@code held[heldStart[r] .. heldStart[r] + load[r] - 1]}. */
        final int[] heldStart;
        final int[] held;
        final int[] load;
        final int[] slotCount;
        /** Where a matched demand sits in {@code held}. */
        final int[] slotOf;
        final long[] potential;
        final long[] dist;
        final int[] parent;
        final int[] parentEdge;
        final int[] touched;
        int touchedCount;
        final int[] settled;
        int settledCount;
        final NodeHeap heap;

        Run(int[] edgeStart, int[] edgeResource, int[] edgeWeight, int[] capacity) {
            this.n = edgeStart.length - 1;
            this.m = capacity.length;
            this.sink = n + m;
            this.edgeStart = edgeStart;
            this.edgeResource = edgeResource;
            this.edgeWeight = edgeWeight;
            int nodes = n + m + 1;
            matchEdge = new int[n];
            Arrays.fill(matchEdge, -1);
            slotOf = new int[n];
            // A resource never holds more demands than it has edges: memory stays linear in the edges.
            int[] degree = new int[m];
            for (int e = 0; e < edgeResource.length; e++) {
                degree[edgeResource[e]]++;
            }
            heldStart = new int[m + 1];
            slotCount = new int[m];
            for (int r = 0; r < m; r++) {
                slotCount[r] = Math.min(capacity[r], degree[r]);
                heldStart[r + 1] = heldStart[r] + slotCount[r];
            }
            held = new int[heldStart[m]];
            load = new int[m];
            potential = new long[nodes];
            // Reduced costs start non-negative: −w + π(demand) − π(resource) ≥ 0 with π(resource) = π(sink) = 0.
            for (int i = 0; i < n; i++) {
                for (int e = edgeStart[i]; e < edgeStart[i + 1]; e++) {
                    potential[i] = Math.max(potential[i], edgeWeight[e]);
                }
            }
            dist = new long[nodes];
            Arrays.fill(dist, UNREACHED);
            parent = new int[nodes];
            parentEdge = new int[nodes];
            touched = new int[nodes];
            settled = new int[nodes];
            heap = new NodeHeap(nodes, dist);
        }

        int[] solve() {
            for (int i = 0; i < n; i++) {
                if (edgeStart[i + 1] > edgeStart[i]) {
                    augmentFrom(i);
                }
            }
            return matchEdge;
        }

        private void augmentFrom(int source) {
            reach(source, 0, -1, -1);
            while (true) {
                int u = heap.pop();
                settled[settledCount++] = u;
                if (u == sink) {
                    break;
                }
                long du = dist[u];
                if (u < n) {
                    // Demand: to the sink by leaving it unmatched, or to any resource other than its own.
                    reach(sink, du + potential[u] - potential[sink], u, -1);
                    for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                        if (e != matchEdge[u]) {
                            int r = n + edgeResource[e];
                            reach(r, du - edgeWeight[e] + potential[u] - potential[r], u, e);
                        }
                    }
                } else {
                    // Resource: to the sink while it has room, or back to a demand it holds (undoing that pair).
                    int r = u - n;
                    if (load[r] < slotCount[r]) {
                        reach(sink, du + potential[u] - potential[sink], u, -1);
                    }
                    for (int s = heldStart[r], end = s + load[r]; s < end; s++) {
                        int k = held[s];
                        reach(k, du + edgeWeight[matchEdge[k]] + potential[u] - potential[k], u, -1);
                    }
                }
            }
            augment(source);
            long d = dist[sink];
            for (int j = 0; j < settledCount; j++) {
                int v = settled[j];
                potential[v] += dist[v] - d;
            }
            for (int j = 0; j < touchedCount; j++) {
                dist[touched[j]] = UNREACHED;
            }
            touchedCount = 0;
            settledCount = 0;
            heap.clear();
        }

        private void reach(int v, long d, int from, int viaEdge) {
            if (d >= dist[sink]) {
                // No shorter than a path to the sink already found: it cannot lead to a shorter one.
                return;
            }
            if (dist[v] == UNREACHED) {
                touched[touchedCount++] = v;
                dist[v] = d;
                parent[v] = from;
                parentEdge[v] = viaEdge;
                heap.push(v);
            } else if (d < dist[v]) {
                dist[v] = d;
                parent[v] = from;
                parentEdge[v] = viaEdge;
                heap.decreased(v);
            }
        }

        /** Flips the shortest path source → … → sink: each resource on it passes one held demand along. */
        private void augment(int source) {
            int last = parent[sink];
            int resource;
            int slot;
            if (last < n) {
                // The path ends by leaving demand `last` unmatched; it frees its slot for the one before it.
                if (last == source) {
                    return;
                }
                resource = parent[last];
                slot = slotOf[last];
                matchEdge[last] = -1;
            } else {
                resource = last;
                int r = resource - n;
                slot = heldStart[r] + load[r]++;
            }
            while (true) {
                int k = parent[resource];
                int freed = slotOf[k];
                held[slot] = k;
                slotOf[k] = slot;
                matchEdge[k] = parentEdge[resource];
                if (k == source) {
                    return;
                }
                resource = parent[k];
                slot = freed;
            }
        }
    }

    /** Binary min-heap of node ids keyed by {@code dist}, ties to the smaller id, with decrease-key. */
    private static final class NodeHeap {
        private final int[] nodes;
        private final int[] position;
        private final long[] key;
        private int size;

        NodeHeap(int capacity, long[] key) {
            this.nodes = new int[capacity];
            this.position = new int[capacity];
            this.key = key;
        }

        void push(int v) {
            nodes[size] = v;
            position[v] = size;
            up(size++);
        }

        void decreased(int v) {
            up(position[v]);
        }

        int pop() {
            int top = nodes[0];
            size--;
            if (size > 0) {
                nodes[0] = nodes[size];
                position[nodes[0]] = 0;
                down(0);
            }
            return top;
        }

        void clear() {
            size = 0;
        }

        private boolean less(int a, int b) {
            return key[a] < key[b] || key[a] == key[b] && a < b;
        }

        private void up(int i) {
            int v = nodes[i];
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!less(v, nodes[p])) {
                    break;
                }
                nodes[i] = nodes[p];
                position[nodes[i]] = i;
                i = p;
            }
            nodes[i] = v;
            position[v] = i;
        }

        private void down(int i) {
            int v = nodes[i];
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && less(nodes[c + 1], nodes[c])) {
                    c++;
                }
                if (!less(nodes[c], v)) {
                    break;
                }
                nodes[i] = nodes[c];
                position[nodes[i]] = i;
                i = c;
            }
            nodes[i] = v;
            position[v] = i;
        }
    }
}
