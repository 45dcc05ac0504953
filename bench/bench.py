#!/usr/bin/env python3
"""AgentOps.Evals benchmarks against the physical limit (and against promptfoo). Run through bench/run.sh.

Every workload runs the real Release CLI as its own process against the fake model server (a separate process on
127.0.0.1). Wall time is the CLI process from start to exit; peak RSS is /usr/bin/time -v's maximum resident set
size of that process. Each number is the median of BENCH_REPEAT runs (default 3). Generated golden sets, configs,
cassettes and stores live in bench/out/ (git-ignored) and are rebuilt every time.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
WORK = OUT / "work"
# run.sh publishes ReadyToRun builds and points these at them; the plain build output is the fallback.
CLI = Path(os.environ.get("BENCH_CLI") or REPO / "src/AgentOps.Evals.Cli/bin/Release/net10.0/agentops-evals.dll")
SERVER = Path(os.environ.get("BENCH_SERVER") or REPO / "bench/AgentOps.Evals.FakeModelServer/bin/Release/net10.0/AgentOps.Evals.FakeModelServer.dll")
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))

SUITES = ["orders", "refunds", "shipping", "account"]

RULES = """\
default-reply: "I can help with that."
rules:
  - name: order-status
    user: 'order (A-\\d+)'
    reply: "Order {{user.1}} was delivered on June 1. Anything else I can do?"
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


class FakeServer:
    """The standalone fake model server at a fixed latency; its base URL comes from its first line of output."""

    def __init__(self, latency_ms, rules, faults=None, warm=True):
        self.latency_ms = latency_ms
        self.rules = rules
        self.faults = faults or []
        self.warm = warm

    def __enter__(self):
        self.process = subprocess.Popen(
            ["dotnet", str(SERVER), "--port", "0", "--latency-ms", str(self.latency_ms), "--rules", str(self.rules), *self.faults],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip().rstrip("/")
        if not self.url.startswith("http://127.0.0.1:"):
            raise RuntimeError("fake server did not start: " + self.url + self.process.stderr.read())
        if self.warm:
            self.warm_up()
        return self

    def warm_up(self, requests=600, threads=32):
        """Serves a few hundred requests before anything is measured: the server stands in for a model provider, and its
        own JIT warm-up (~1 s of CPU on the first run after start, measured) is not the harness's cost."""
        import concurrent.futures
        import urllib.request
        body = json.dumps({"model": "warm-up", "messages": [{"role": "user", "content": "warm up"}]}).encode()

        def one(_):
            request = urllib.request.Request(self.url + "/chat/completions", data=body, headers={"Content-Type": "application/json"})
            try:
                urllib.request.urlopen(request, timeout=30).read()
            except OSError:
                pass  # a fault-injecting server answers some with errors or hangs; the warm-up only needs traffic

        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            list(pool.map(one, range(requests)))

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.counts = self.process.stderr.read().strip()


def measure(args, cwd, env=None):
    """Runs one process under /usr/bin/time -v: wall seconds (start to exit), peak RSS (MB), exit code, stdout."""
    rss_file = OUT / "time-v.txt"
    full_env = dict(os.environ, **(env or {}))
    started, started_at = time.perf_counter(), time.time()
    done = subprocess.run(["/usr/bin/time", "-v", "-o", str(rss_file)] + args, cwd=cwd, env=full_env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    rss_kb = 0
    for line in rss_file.read_text().splitlines():
        if "Maximum resident set size" in line:
            rss_kb = int(line.split(":")[1])
    return {"wall": wall, "rss_mb": rss_kb / 1024, "exit": done.returncode, "stdout": done.stdout, "stderr": done.stderr, "started_at": started_at}


def cli(*args):
    # run.sh publishes a self-contained CLI (an executable); a .dll (BENCH_CLI, BENCH_FD, BENCH_JIT) runs through dotnet.
    return ["dotnet", str(CLI), *args] if CLI.suffix == ".dll" else [str(CLI), *args]


def case_yaml(i):
    order = f"A-{i:05d}"
    return f"""id: bench-{i:05d}
title: Bench case {i}
tags: [bench, locale:en-US]
severity: P{i % 4}
status: active
input:
  messages:
    - {{role: user, content: "Where is my order {order}?"}}
expect:
  - {{type: contains, value: "{order}"}}
  - {{type: not-contains, value: "cancelled"}}
  - {{type: icontains, value: "DELIVERED"}}
  - {{type: regex, pattern: "delivered on \\\\w+ \\\\d+"}}
  - {{type: finish-reason, value: stop}}
"""


def write_project(name, cases, endpoint, concurrency, timeout_s=60, retries=4):
    """A bench project: N cases (5 deterministic assertions each, one model call per trial), prod and next candidates."""
    root = WORK / name
    if root.exists():
        shutil.rmtree(root)
    for suite in SUITES:
        (root / "golden-set" / suite).mkdir(parents=True)
    for i in range(cases):
        (root / "golden-set" / SUITES[i % 4] / f"bench-{i:05d}.yaml").write_text(case_yaml(i))
    (root / "eval.config.yaml").write_text(f"""golden-set: golden-set
providers:
  fake: {{type: openai, endpoint: "{endpoint}"}}
  replay: {{type: replay, cassettes: cassettes}}
candidates:
  prod: {{model: gpt-4.1-mini, provider: fake}}
  next: {{model: gpt-5-mini, provider: fake}}
baseline: prod
pricing:
  gpt-4.1-mini: {{input: 0.40, output: 1.60}}
  gpt-5-mini: {{input: 0.25, output: 2.00}}
run: {{k: 3, concurrency: {concurrency}, timeout-s: {timeout_s}, retries: {retries}, max-tool-iterations: 4}}
gate:
  min-pass-rate: 0.95
  max-infra-error-rate: 0.05
  slices: ["suite:*"]
""")
    return root


def runs(label, make_args, cwd, store, repeat=None):
    """REPEAT measured runs, each on a fresh store; returns the list of measurements (failing loudly on a bad exit)."""
    results = []
    for n in range(repeat or REPEAT):
        for suffix in ("", "-wal", "-shm"):
            Path(str(store) + suffix).unlink(missing_ok=True)
        m = measure(make_args(), cwd)
        if m["exit"] != 0:
            raise RuntimeError(f"{label} run {n + 1} exited {m['exit']}:\n{m['stdout'][-2000:]}\n{m['stderr'][-2000:]}")
        log(f"  {label}{'' if repeat == 1 else f' #{n + 1}:'} {m['wall']:.2f} s, {m['rss_mb']:.0f} MB")
        results.append(m)
    return results


def summarize(name, measurements, calls=None, latency_ms=None, concurrency=None, **extra):
    walls = [m["wall"] for m in measurements]
    wall = statistics.median(walls)
    rss = statistics.median(m["rss_mb"] for m in measurements)
    row = {"workload": name, "wall_s": round(wall, 3), "walls_s": [round(w, 3) for w in walls], "peak_rss_mb": round(rss, 1)}
    if calls is not None and latency_ms:
        ideal = calls * latency_ms / 1000 / concurrency
        row.update(calls=calls, latency_ms=latency_ms, concurrency=concurrency, ideal_s=round(ideal, 3), efficiency=round(ideal / wall, 3))
    elif calls is not None:
        row.update(calls=calls, latency_ms=latency_ms, concurrency=concurrency)
    inner = [json.loads(m["stdout"]).get("seconds") for m in measurements if m["stdout"].lstrip().startswith("{")]
    if inner and all(s is not None for s in inner) and calls and latency_ms:
        run_s = statistics.median(inner)
        row.update(run_phase_s=round(run_s, 3), run_phase_efficiency=round(row["ideal_s"] / run_s, 3))
    row.update(extra)
    return row


def phases(store, measurement, calls, latency_ms, concurrency):
    """Where a live run's wall time went, from the stored trials' finish times: process start to the first trial stored,
    the steady state (first wave done to last trial; its efficiency leaves out start-up, case loading, the first
    connections and the final table), and last trial to process exit."""
    import sqlite3
    from datetime import datetime
    with sqlite3.connect(store) as db:
        times = sorted(datetime.fromisoformat(t).timestamp() for (t,) in db.execute("SELECT finished_at FROM trials"))
    window = times[-1] - times[concurrency - 1]
    return {"start_to_first_trial_s": round(times[0] - measurement["started_at"], 3),
            "steady_state_s": round(window, 3),
            "steady_state_efficiency": round((calls - concurrency) * latency_ms / 1000 / concurrency / window, 3),
            "last_trial_to_exit_s": round(measurement["started_at"] + measurement["wall"] - times[-1], 3)}


def bare_client(url, calls, concurrency):
    """The floor under W1: the bare Microsoft.Extensions.AI OpenAI client, no harness, after 200 warm-up calls."""
    done = subprocess.run(["dotnet", "run", str(REPO / "bench/bare-client/bare-client.cs"), "--", url + "/", str(calls), str(concurrency)],
                          capture_output=True, text=True, cwd=REPO / "bench/bare-client")
    line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if done.returncode != 0 or not line.startswith("wall "):
        raise RuntimeError("bare client failed:\n" + done.stdout[-2000:] + done.stderr[-2000:])
    return float(line.split()[1])


def w1(rules):
    cases, k, latency, concurrency = 2000, 5, 20, 64
    with FakeServer(latency, rules) as server:
        root = write_project("w1", cases, server.url, concurrency)
        store = root / "results.db"
        split, ms = [], []
        for n in range(REPEAT):
            ms.extend(runs(f"W1 run {n + 1} of {REPEAT}:", lambda: cli("run", "--candidate", "prod", "--provider", "fake", "-k", str(k), "--concurrency", str(concurrency),
                                             "--json", "--store", str(store)), root, store, repeat=1))
            split.append(phases(store, ms[-1], cases * k, latency, concurrency))
        floors = [bare_client(server.url, cases * k, concurrency) for _ in range(REPEAT)]
        log(f"  W1 floor (bare client): {', '.join(f'{w:.2f} s' for w in floors)}")
    ideal = cases * k * latency / 1000 / concurrency
    floor = statistics.median(floors)
    row = summarize("W1 live 2,000 cases x k=5 @20 ms, c=64", ms, cases * k, latency, concurrency, target="efficiency >= 0.9")
    row.update({key: statistics.median(p[key] for p in split) for key in split[0]}, phases=split)
    floor_row = {"workload": "W1 floor: bare M.E.AI client, same 10,000 calls, no harness", "wall_s": round(floor, 3),
                 "walls_s": [round(w, 3) for w in floors], "ideal_s": round(ideal, 3), "efficiency": round(ideal / floor, 3),
                 "note": "after 200 warm-up calls; no process start, no case loading, no scoring or store (bench/bare-client)"}
    return [row, floor_row]


def w2(rules):
    cases, k, concurrency = 2000, 5, 16
    with FakeServer(0, rules) as server:
        root = write_project("w2", cases, server.url, concurrency)
        store = root / "results.db"
        record = measure(cli("run", "--candidate", "prod", "--provider", "fake", "--record", "-k", str(k), "--concurrency", "64",
                             "--store", str(root / "record.db")), root)
        if record["exit"] != 0:
            raise RuntimeError("recording cassettes failed:\n" + record["stderr"][-2000:])
    lines = sum(1 for _ in open(root / "cassettes" / "prod.jsonl"))
    log(f"  W2: recorded {lines} cassette entries")
    ms = runs("W2", lambda: cli("run", "--candidate", "prod", "--provider", "replay", "-k", str(k), "--json", "--store", str(store)), root, store)
    return summarize("W2 replay 10,000 trials x 5 assertions (cassettes)", ms, cases * k, 0, concurrency, target="wall < 3 s on 2 cores")


def w3(rules):
    cases, concurrency = 1000, 64
    rows = []
    with FakeServer(0, rules) as server:
        root = write_project("w3", cases, server.url, concurrency)
        store = root / "results.db"
        for k in (10, 100):
            ms = runs(f"W3 {cases * k}", lambda k=k: cli("run", "--candidate", "prod", "--provider", "fake", "-k", str(k), "--concurrency", str(concurrency),
                                                        "--json", "--store", str(store)), root, store)
            rows.append(summarize(f"W3 scale {cases * k:,} trials @0 ms, c=64", ms, cases * k, 0, concurrency))
    ratio = rows[1]["peak_rss_mb"] / rows[0]["peak_rss_mb"]
    rows[1]["rss_ratio_vs_10k"] = round(ratio, 3)
    rows[1]["target"] = "peak RSS at 100k within 20% of 10k"
    return rows


def w4(rules):
    cases, k, latency, concurrency = 2000, 3, 20, 64
    with FakeServer(latency, rules) as server:
        root = write_project("w4", cases, server.url, concurrency)
        store = root / "results.db"
        reports = root / "reports"
        reports.mkdir()
        ms = runs("W4", lambda: cli("gate", "--baseline", "prod", "--candidate", "next", "--provider", "fake", "-k", str(k),
                                    "--json", str(reports / "gate.json"), "--junit", str(reports / "gate.xml"),
                                    "--markdown", str(reports / "gate.md"), "--store", str(store)), root, store)
        for f in ("gate.json", "gate.xml", "gate.md"):
            if not (reports / f).stat().st_size:
                raise RuntimeError(f"W4 wrote an empty {f}")
    return summarize("W4 gate prod vs next, 2,000 cases x k=3 @20 ms, c=64, json+junit+md", ms, 2 * cases * k, latency, concurrency)


def print_table(rows):
    head = f"{'workload':58} {'wall s':>8} {'ideal s':>8} {'effic.':>7} {'run s':>7} {'run eff':>8} {'RSS MB':>8}"
    print(head)
    print("-" * len(head))
    for r in rows:
        def f(key, fmt):
            width = int(fmt.split(".")[0])
            return format(r[key], fmt) if key in r else "-".rjust(width)
        print(f"{r['workload']:58} {f('wall_s', '8.2f')} {f('ideal_s', '8.2f')} {f('efficiency', '7.2f')} {f('run_phase_s', '7.2f')} "
              f"{f('run_phase_efficiency', '8.2f')} {f('peak_rss_mb', '8.0f')}")
        for key in ("start_to_first_trial_s", "steady_state_efficiency", "last_trial_to_exit_s", "check", "rss_ratio_vs_10k", "verdict_agreement", "note"):
            if key in r:
                print(f"    {key}: {r[key]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=str(REPO))
    parser.add_argument("workloads", nargs="*", default=["W1", "W2", "W3", "W4", "P"])
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    WORK.mkdir(exist_ok=True)
    rules = OUT / "rules.yaml"
    rules.write_text(RULES)

    load_before = os.getloadavg()
    rows = []
    table = {"W1": w1, "W2": w2, "W3": w3, "W4": w4}
    if "F" in args.workloads:
        import faults
        table["F"] = lambda r: faults.run(r, sys.modules[__name__])
    if "P" in args.workloads:
        import promptfoo_side_by_side
        table["P"] = lambda r: promptfoo_side_by_side.run(r, sys.modules[__name__])
    for name in args.workloads:
        log(f"{name} ...")
        result = table[name](rules)
        rows.extend(result if isinstance(result, list) else [result])

    machine = {"cores": os.cpu_count(), "repeat": REPEAT, "dotnet": subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip(),
               "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
               "cli": str(CLI), "loadavg_before": [round(x, 2) for x in load_before], "loadavg_after": [round(x, 2) for x in os.getloadavg()]}
    results = OUT / os.environ.get("BENCH_RESULTS", "results.json")
    results.write_text(json.dumps({"machine": machine, "workloads": rows}, indent=2))
    print_table(rows)
    print(f"\nmedians of {REPEAT} runs; load average before {machine['loadavg_before']}, after {machine['loadavg_after']}; CLI {CLI}")
    print(f"JSON: {results}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
