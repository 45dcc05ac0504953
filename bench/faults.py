"""Workload F (issue 6 item 4) at full size: faults, kills and concurrent shard writers, each a pass/fail row with numbers.

F1 faults: 2,000 cases x k=10 = 20,000 trials against 10% 429 (Retry-After), 5% 500, 2% hangs, 1% malformed replies.
   Pass: the store holds each (case, trial) exactly once and passed + failed + infra = 20,000.
F2 kills: 2,000 cases x k=10 at 50 ms (20,000 trials, at least 15.6 s of model time at c=64, so ten kills 0.9-2.4 s
   apart all land mid-run); SIGKILL at ten random moments, `run --resume` after each, then a last resume to the end. Pass: every (case, trial) exactly once, and no finished trial re-requested: between two kills a case is
   requested at most as often as it had trials missing from the store when that segment began (the fake server counts
   requests per user message on arrival, and every case's message is unique).
F3 shards: `run --shard 1/2` and `--shard 2/2` as two processes writing one store at the same time, then `merge`.
   Pass: PRAGMA integrity_check = ok, each shard run complete (cases x k, none twice), the merged run holds all trials.
"""
import json
import random
import signal
import sqlite3
import subprocess
import time
import urllib.request


def store_trials(db, run_id=None):
    """(case_id, trial) -> stored rows, and outcome counts, read with Python's own sqlite3 (not our store code)."""
    with sqlite3.connect(db, timeout=30) as con:
        where, args = ("WHERE run_id = ?", (run_id,)) if run_id else ("", ())
        rows = con.execute(f"SELECT case_id, trial, COUNT(*) FROM trials {where} GROUP BY case_id, trial", args).fetchall()
        outcomes = dict(con.execute(f"SELECT outcome, COUNT(*) FROM trials {where} GROUP BY outcome", args).fetchall())
    return {(c, t): n for c, t, n in rows}, outcomes


def run_ids(db):
    with sqlite3.connect(db, timeout=30) as con:
        return [r[0] for r in con.execute("SELECT run_id FROM runs ORDER BY started_at")]


def server_counts(url):
    with urllib.request.urlopen(url + "/_counts", timeout=30) as response:
        return json.loads(response.read())["byUserMessage"]


def user_message(i):
    return f"Where is my order A-{i:05d}?"


def fresh(store):
    for suffix in ("", "-wal", "-shm"):
        store.with_name(store.name + suffix).unlink(missing_ok=True)


def f1_faults(b, rules):
    cases, k = 2000, 10
    trials = cases * k
    with b.FakeServer(0, rules, faults=["--rate-429", "0.10", "--retry-after", "0.2", "--rate-500", "0.05",
                                        "--rate-hang", "0.02", "--rate-malformed", "0.01", "--seed", "6"], warm=False) as server:
        root = b.write_project("f1", cases, server.url, 64, timeout_s=2, retries=4)
        store = root / "results.db"
        m = b.measure(b.cli("run", "--candidate", "prod", "--provider", "fake", "-k", str(k), "--concurrency", "64",
                            "--json", "--store", str(store)), root)
    stored, outcomes = store_trials(store)
    expected = {(f"bench-{i:05d}", t) for i in range(cases) for t in range(k)}
    total = sum(outcomes.values())
    duplicates = sum(1 for n in stored.values() if n > 1)
    missing = len(expected - stored.keys())
    ok = total == trials and not duplicates and not missing and set(stored) == expected
    b.log(f"  F1: exit {m['exit']}, {outcomes}, {m['wall']:.1f} s; server {server.counts}")
    return {"workload": f"F1 faults 20,000 trials (10% 429, 5% 500, 2% hang, 1% malformed), c=64",
            "check": "PASS" if ok else "FAIL", "wall_s": round(m["wall"], 3), "peak_rss_mb": round(m["rss_mb"], 1),
            "note": f"stored {total} = {outcomes.get('Passed', 0)} passed + {outcomes.get('Failed', 0)} failed + "
                    f"{outcomes.get('InfraError', 0)} infra; {duplicates} duplicated, {missing} missing; exit {m['exit']}; "
                    f"server {server.counts}"}


def f2_kills(b, rules, kills=10, seed=6):
    cases, k = 2000, 10
    rng = random.Random(seed)
    with b.FakeServer(50, rules) as server:
        root = b.write_project("f2", cases, server.url, 64)
        store = root / "results.db"
        base = b.cli("run", "--candidate", "prod", "--provider", "fake", "-k", str(k), "--concurrency", "64", "--json", "--store", str(store))
        warm = server_counts(server.url)
        requested = {user_message(i): warm.get(user_message(i), 0) for i in range(cases)}
        stored_per_case = {f"bench-{i:05d}": 0 for i in range(cases)}
        violations, rerequests, segments = [], 0, []
        run_id = None
        started = time.perf_counter()
        for segment in range(kills + 1):
            args = base if run_id is None else b.cli("run", "--resume", run_id, "--json", "--store", str(store))
            process = subprocess.Popen(args, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if segment < kills:
                # Random moments, past process start and case loading (~0.7 s, more under load) so most segments store some trials.
                time.sleep(rng.uniform(0.9, 2.4))
                process.send_signal(signal.SIGKILL)
            exit_code = process.wait()
            if run_id is None:
                ids = run_ids(store)
                if not ids:
                    continue  # killed before the run was created: the next start begins it afresh
                run_id = ids[0]
            counts = server_counts(server.url)
            stored, _ = store_trials(store, run_id)
            now_per_case = {c: 0 for c in stored_per_case}
            for (c, _t), n in stored.items():
                now_per_case[c] += n
            made = 0
            for i in range(cases):
                message, case = user_message(i), f"bench-{i:05d}"
                in_segment = counts.get(message, 0) - requested[message]
                made += in_segment
                # A segment may request a case only for the trials it was missing when the segment began.
                if in_segment > k - stored_per_case[case]:
                    violations.append(f"{case}: {in_segment} requests with {stored_per_case[case]}/{k} already stored")
                requested[message] = counts.get(message, 0)
            newly = sum(now_per_case.values()) - sum(stored_per_case.values())
            rerequests += made - newly
            segments.append({"requests": made, "stored": newly, "exit": exit_code})
            stored_per_case = now_per_case
        wall = time.perf_counter() - started
    stored, outcomes = store_trials(store, run_id)
    total = sum(stored.values())
    duplicates = sum(1 for n in stored.values() if n > 1)
    missing = cases * k - len(stored)
    mid_run = sum(1 for s in segments[:-1] if s["exit"] == -signal.SIGKILL)
    ok = (total == cases * k and not duplicates and not missing and not violations and len(segments) == kills + 1
          and mid_run == kills and segments[-1]["exit"] == 0)
    b.log(f"  F2: segments {segments}; violations {violations[:5]}")
    return {"workload": f"F2 kills: {kills} SIGKILLs + --resume, 20,000 trials @50 ms, c=64",
            "check": "PASS" if ok else "FAIL", "wall_s": round(wall, 3),
            "note": f"{mid_run}/{kills} kills landed mid-run; stored {total} (each (case,trial) once: {not duplicates}, missing {missing}); "
                    f"{len(violations)} cases asked for more often than they had trials missing (a finished trial re-requested); {rerequests} requests lost in flight at the kills "
                    f"(re-run, never stored twice); segments (requests/stored/exit): "
                    + " ".join(f"{s['requests']}/{s['stored']}/{s['exit']}" for s in segments)}


def f3_shards(b, rules):
    cases, k = 2000, 5
    with b.FakeServer(20, rules) as server:
        root = b.write_project("f3", cases, server.url, 64)
        store = root / "results.db"
        started = time.perf_counter()
        shards = [subprocess.Popen(b.cli("run", "--candidate", "prod", "--provider", "fake", "-k", str(k), "--shard", f"{i}/2",
                                         "--concurrency", "64", "--json", "--store", str(store)),
                                   cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in (1, 2)]
        outs = [s.communicate() for s in shards]
        wall = time.perf_counter() - started
    exits = [s.returncode for s in shards]
    ids = run_ids(store)
    with sqlite3.connect(store, timeout=30) as con:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    per_run = {r: store_trials(store, r)[0] for r in ids}
    shard_cases = {r: len({c for c, _ in t}) for r, t in per_run.items()}
    merged = b.measure(b.cli("merge", "--store", str(store), *ids), root)
    merged_ids = [r for r in run_ids(store) if r not in ids]
    merged_trials = store_trials(store, merged_ids[0])[0] if merged_ids else {}
    all_pairs = {(f"bench-{i:05d}", t) for i in range(cases) for t in range(k)}
    union = set().union(*[set(t) for t in per_run.values()]) if per_run else set()
    ok = (integrity == "ok" and exits == [0, 0] and len(ids) == 2 and union == all_pairs
          and sum(len(t) for t in per_run.values()) == cases * k and all(n == 1 for t in per_run.values() for n in t.values())
          and merged["exit"] == 0 and set(merged_trials) == all_pairs and all(n == 1 for n in merged_trials.values()))
    if not ok:
        b.log("  F3 stderr: " + " | ".join(o[1][-500:] for o in outs) + merged["stderr"][-500:])
    return {"workload": "F3 shards: 2 processes, one store, 10,000 trials @20 ms, then merge",
            "check": "PASS" if ok else "FAIL", "wall_s": round(wall, 3),
            "note": f"integrity_check {integrity}; shard exits {exits}; shard runs {len(ids)} with "
                    f"{[len(t) for t in per_run.values()]} trials over {list(shard_cases.values())} cases; union "
                    f"{len(union)}/{cases * k}; merge exit {merged['exit']}, merged run {len(merged_trials)} trials"}


def run(rules, b):
    return [f1_faults(b, rules), f2_kills(b, rules), f3_shards(b, rules)]
