#!/usr/bin/env python3
"""Rate-limit benchmark (issue 14): the real Release CLI against the fake model server in rate-limit mode.

R1 requests: 200 cases x k=3 = 600 calls, server limited to 30 requests/s (bucket of 1 s), 200 ms latency, --concurrency 16.
R2 tokens:   the same 600 calls, server limited to 40,000 tokens/min (prompt + completion charged on arrival), no request limit.
The server answers over-limit requests 429 with retry-after, retry-after-ms and x-ratelimit-* headers like OpenAI's.
floor = calls / rate (R1: 600 / 30 = 20 s; R2: tokens the server charged / (tpm / 60)).
wall = the CLI process, start to exit; calls = first call started to last trial stored (without process start-up).
Target: every trial judged (passed + failed = 600), 0 infra errors, wall <= 1.1 x floor, rejected <= 10% of admitted.
Each figure is the median of BENCH_REPEAT runs (default 3). Writes bench/out/ratelimit.json.
"""
import json
import os
import statistics
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bench as b  # noqa: E402
import faults  # noqa: E402

CASES, K, LATENCY_MS, CONCURRENCY = 200, 3, 200, 16
WORKLOADS = {
    "R1": ("R1 600 calls, server 30 req/s, 200 ms, c=16", ["--limit-rps", "30"], lambda counts: 30.0),
    "R2": ("R2 600 calls, server 40,000 tokens/min, 200 ms, c=16", ["--limit-tpm", "40000"], lambda counts: 40000 / 60 / (counts["admittedTokens"] / counts["completed"])),
}


def counts(url):
    with urllib.request.urlopen(url + "/_counts", timeout=30) as response:
        return json.loads(response.read())


def one_run(name, limit_flags, rules):
    with b.FakeServer(LATENCY_MS, rules, faults=limit_flags, warm=False) as server:
        root = b.write_project("ratelimit-" + name.lower(), CASES, server.url, CONCURRENCY)
        store = root / "results.db"
        m = b.measure(b.cli("run", "--candidate", "prod", "--provider", "fake", "-k", str(K), "--concurrency", str(CONCURRENCY),
                            "--json", "--store", str(store)), root)
        c = counts(server.url)
    _, outcomes = faults.store_trials(store)
    return m, c, outcomes, calls_phase(store)


def calls_phase(store):
    """Seconds from the first call's start (first trial finished minus one latency) to the last trial stored: the wall
    time without process start-up and case loading, which a loaded machine stretches and no limiter can shorten."""
    import sqlite3
    from datetime import datetime
    with sqlite3.connect(store) as db:
        times = sorted(datetime.fromisoformat(t).timestamp() for (t,) in db.execute("SELECT finished_at FROM trials"))
    return times[-1] - times[0] + LATENCY_MS / 1000


def workload(key, rules):
    label, flags, calls_per_second = WORKLOADS[key]
    rows = []
    for n in range(b.REPEAT):
        m, c, outcomes, phase = one_run(key, flags, rules)
        judged = outcomes.get("Passed", 0) + outcomes.get("Failed", 0)
        infra = sum(v for k, v in outcomes.items() if k not in ("Passed", "Failed"))
        floor = CASES * K / calls_per_second(c)
        rows.append({"wall_s": m["wall"], "calls_s": phase, "floor_s": floor, "judged": judged, "infra": infra, "exit": m["exit"],
                     "rejected": c["rateLimited"], "admitted": c["completed"], "requests": c["requests"]})
        b.log(f"  {key} #{n + 1}: {m['wall']:.2f} s, calls {phase:.2f} s (floor {floor:.2f} s), judged {judged}, infra {infra}, "
              f"429s {c['rateLimited']} / {c['completed']} admitted, exit {m['exit']}")
    med = lambda key: statistics.median(r[key] for r in rows)  # noqa: E731
    wall, floor = med("wall_s"), med("floor_s")
    rejected_share = med("rejected") / max(1, med("admitted"))
    ok = all(r["judged"] == CASES * K and r["infra"] == 0 for r in rows) and wall <= 1.1 * floor and rejected_share <= 0.10
    calls = med("calls_s")
    return {"workload": label, "wall_s": round(wall, 2), "calls_s": round(calls, 2), "floor_s": round(floor, 2),
            "wall_over_floor": round(wall / floor, 3), "calls_over_floor": round(calls / floor, 3),
            "judged": int(med("judged")), "infra_errors": int(med("infra")), "rejected": int(med("rejected")),
            "admitted": int(med("admitted")), "rejected_share": round(rejected_share, 3), "check": "PASS" if ok else "FAIL",
            "runs": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()} for r in rows]}


def main():
    keys = sys.argv[1:] or list(WORKLOADS)
    b.OUT.mkdir(exist_ok=True)
    b.WORK.mkdir(exist_ok=True)
    rules = b.OUT / "rules.yaml"
    rules.write_text(b.RULES)
    load_before = os.getloadavg()
    rows = [workload(k, rules) for k in keys]
    head = f"{'workload':52} {'wall s':>7} {'calls s':>7} {'floor s':>7} {'x floor':>7} {'calls x':>7} {'judged':>6} {'infra':>5} {'429s':>5} {'admitted':>8} {'429/adm':>7} check"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['workload']:52} {r['wall_s']:7.2f} {r['calls_s']:7.2f} {r['floor_s']:7.2f} {r['wall_over_floor']:7.3f} {r['calls_over_floor']:7.3f} {r['judged']:6} {r['infra_errors']:5} "
              f"{r['rejected']:5} {r['admitted']:8} {r['rejected_share']:7.3f} {r['check']}")
    machine = {"cores": os.cpu_count(), "repeat": b.REPEAT, "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "cli": str(b.CLI),
               "loadavg_before": [round(x, 2) for x in load_before], "loadavg_after": [round(x, 2) for x in os.getloadavg()]}
    out = b.OUT / os.environ.get("BENCH_RESULTS", "ratelimit.json")
    out.write_text(json.dumps({"machine": machine, "workloads": rows}, indent=2))
    print(f"\nload average before {machine['loadavg_before']}, after {machine['loadavg_after']}")
    print(f"medians of {b.REPEAT} runs; target: judged = 600, infra = 0, wall <= 1.1 x floor, 429s <= 10% of admitted")
    print(f"JSON: {out}")
    return 0 if all(r["check"] == "PASS" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
