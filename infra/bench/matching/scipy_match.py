"""Solves a candidate graph written by MatchingBench with SciPy and prints one JSON line.

The max-weight b-matching becomes a full bipartite matching: each resource is copied once per unit of capacity
(at most its degree), each demand gets a private "unmatched" column, and costs are shifted to top - fit (top for
"unmatched"), all positive, so every demand is matched to exactly one column and the least cost is
n * top - (best total fit). On instances of up to 2,000 demands the dense linear_sum_assignment checks it too.
Usage: scipy_match.py DIR RUNS
"""
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

DENSE_LIMIT = 2000


def load(directory):
    edges = np.loadtxt(directory / "edges.tsv", dtype=np.int64, ndmin=2).reshape(-1, 3)
    header, *caps = (directory / "capacities.tsv").read_text().split()
    return int(header), edges[:, 0], edges[:, 1], edges[:, 2], np.array(caps, dtype=np.int64)


def expand(n, demand, resource, fit, capacity):
    """Rows are demands; columns are resource copies, then one "unmatched" column per demand."""
    degree = np.bincount(resource, minlength=len(capacity))
    copies = np.minimum(capacity, degree)
    first = np.concatenate(([0], np.cumsum(copies)))
    slots = int(first[-1])
    top = int(fit.max()) + 1 if len(fit) else 1
    per_edge = copies[resource]
    rows = np.repeat(demand, per_edge)
    offset = np.arange(len(rows)) - np.repeat(np.cumsum(per_edge) - per_edge, per_edge)
    cols = np.repeat(first[resource], per_edge) + offset
    costs = np.repeat(top - fit, per_edge)
    rows = np.concatenate((rows, np.arange(n)))
    cols = np.concatenate((cols, slots + np.arange(n)))
    costs = np.concatenate((costs, np.full(n, top)))
    return csr_matrix((costs, (rows, cols)), shape=(n, slots + n)), top


def objective(matrix, top, row, col):
    return int(len(row) * top - matrix[row, col].sum())


def main():
    directory = Path(sys.argv[1])
    runs = int(sys.argv[2])
    n, demand, resource, fit, capacity = load(directory)
    matrix, top = expand(n, demand, resource, fit, capacity)
    times, cpu_times = [], []
    for _ in range(runs + 1):  # the first is a warm-up
        start, cpu_start = time.perf_counter(), time.process_time()
        row, col = min_weight_full_bipartite_matching(matrix)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    result = {
        "instance": directory.name,
        "scipyMs": round(statistics.median(times[1:]) * 1000, 1),
        "scipyCpuMs": round(statistics.median(cpu_times[1:]) * 1000, 1),
        "scipyObjective": objective(matrix, top, row, col),
    }
    if n <= DENSE_LIMIT:
        dense = np.full(matrix.shape, top * 4, dtype=np.int64)  # a non-edge never beats "unmatched"
        coo = matrix.tocoo()
        dense[coo.row, coo.col] = coo.data
        start = time.perf_counter()
        row, col = linear_sum_assignment(dense)
        result["denseMs"] = round((time.perf_counter() - start) * 1000, 1)
        result["denseObjective"] = int(n * top - dense[row, col].sum())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
