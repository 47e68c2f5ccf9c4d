"""Joins the matcher's and SciPy's JSON lines of a run into markdown; exits 1 when an objective differs.
Usage: report.py RESULTS_JSONL SETTINGS_LINE [RESULTS_MD]
"""
import json
import sys
from collections import defaultdict


def fmt_ms(value):
    return "—" if value is None else f"{value:,.1f} ms"


def wall_cpu(wall, cpu):
    return f"{fmt_ms(wall)} (CPU {fmt_ms(cpu)})"


def main():
    rows = defaultdict(dict)
    with open(sys.argv[1]) as lines:
        for line in lines:
            record = json.loads(line)
            rows[record["instance"]].update(record)
    equal_all = True
    table = [
        "| instance | edges | RedGrid time | RedGrid objective | SciPy time | SciPy objective | equal? |",
        "|---|---|---|---|---|---|---|",
    ]
    detail = [
        "| instance | demands × resources | max candidates per demand | candidates | solve + explain | matched "
        "| heap after | JGraphT matching | JGraphT min-cost flow | SciPy dense (linear_sum_assignment) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        others = [r["scipyObjective"]] + [r[k] for k in ("jgraphtMatchingObjective", "jgraphtFlowObjective",
                                                         "denseObjective") if k in r]
        equal = all(o == r["objective"] for o in others)
        equal_all &= equal
        table.append(f"| {name} | {r['edges']:,} | {wall_cpu(r['totalMs'], r['totalCpuMs'])} | {r['objective']:,} | "
                     f"{wall_cpu(r['scipyMs'], r['scipyCpuMs'])} | {r['scipyObjective']:,} | {'yes' if equal else '**NO**'} |")

        def reference(key):
            if f"{key}OverS" in r:
                return f"> {r[key + 'OverS']} s (stopped)"
            if f"{key}Ms" not in r:
                return "not run"
            return f"{fmt_ms(r[key + 'Ms'])}, {r[key + 'Objective']:,}"

        detail.append(f"| {name} | {r['demands']:,} × {r['resources']:,} | {r['maxDegree']} | "
                      f"{fmt_ms(r['candidatesMs'])} | {fmt_ms(r['solveMs'])} | {r['matched']:,} | "
                      f"{r['heapAfterMb']} MB | {reference('jgraphtMatching')} | {reference('jgraphtFlow')} | "
                      f"{reference('dense')} |")
    text = "\n".join(table) + "\n\n" + "\n".join(detail) + "\n"
    print(text)
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as out:
            out.write("# Matcher benchmark results\n\n"
                      "Written by a full run of `infra/bench/matching/run`. RedGrid time is the matcher's whole job — "
                      "candidate graph from the batch, exact optimum, an explanation per pair — median of the runs "
                      "after 5 s of warm-up, one JVM pinned to one core (`taskset`, `-XX:ActiveProcessorCount=1`, "
                      "serial GC). SciPy time is `min_weight_full_bipartite_matching` alone on the same candidate "
                      "graph (capacities expanded into copies, one \"unmatched\" column per demand), median of the "
                      "runs after one warm-up, pinned to the same core. Times are wall (process CPU in brackets, counted in 10 ms ticks: "
                      "the machine is shared with other builds, and wall time also counts waiting for the core). JGraphT solves the same graph once, "
                      "for comparison only. Objectives are exact integers and must be equal.\n\n"
                      f"{sys.argv[2]}\n\n{text}")
    sys.exit(0 if equal_all else 1)


if __name__ == "__main__":
    main()
