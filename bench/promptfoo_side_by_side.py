"""promptfoo side by side (issue 6 item 3): the same cases, server and concurrency through promptfoo 0.123.1 and through
`import promptfoo` + `run`. Compares wall time, peak RSS and per-case verdicts (every disagreement listed)."""
import json
import os
import sqlite3
import subprocess
from pathlib import Path

WORKLOADS = [w for w in [("P-a", 2000, 0, 20), ("P-b", 200, 100, 20)] if w[0] in __import__("os").environ.get("BENCH_P", "P-a,P-b").split(",")]


def promptfoo_config(cases, url, concurrency):
    lines = [
        "description: AgentOps.Evals bench cases",
        "prompts:",
        "  - 'Where is my order {{order}}?'",
        "providers:",
        f"  - id: openai:chat:gpt-4.1-mini",
        f"    config: {{apiBaseUrl: '{url}'}}",
        "evaluateOptions:",
        f"  maxConcurrency: {concurrency}",
        "  repeat: 1",
        "tests:",
    ]
    for i in range(cases):
        order = f"A-{i:05d}"
        lines += [
            f"  - description: bench {i:05d}",
            f"    vars: {{order: '{order}'}}",
            "    assert:",
            f"      - {{type: contains, value: '{order}'}}",
            "      - {type: not-contains, value: cancelled}",
            "      - {type: icontains, value: DELIVERED}",
            "      - {type: regex, value: 'delivered on \\w+ \\d+'}",
            "      - {type: finish-reason, value: stop}",
        ]
    return "\n".join(lines) + "\n"


def install():
    here = Path(__file__).resolve().parent
    done = subprocess.run([str(here / "install-promptfoo.sh")], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("promptfoo install failed:\n" + done.stderr[-3000:])
    return done.stdout.strip().split()


def run(rules, bench):
    node, main_js = install()
    # Both sides talk to the fake server; the key only has to be present.
    os.environ.setdefault("OPENAI_API_KEY", "not-needed")
    rows = []
    for name, cases, latency, concurrency in WORKLOADS:
        with bench.FakeServer(latency, rules) as server:
            root = bench.WORK / name
            if root.exists():
                import shutil
                shutil.rmtree(root)
            root.mkdir(parents=True)
            (root / "promptfooconfig.yaml").write_text(promptfoo_config(cases, server.url, concurrency))
            env = {"OPENAI_API_KEY": "not-needed"}
            imported = bench.measure(bench.cli("import", "promptfoo", "promptfooconfig.yaml", "--write-config", "eval.yaml",
                                               "--golden-set", "golden-set"), root, env)
            if imported["exit"] != 0:
                raise RuntimeError("import failed:\n" + imported["stderr"][-2000:])
            store = root / "ours.db"
            ours = bench.runs(f"{name} ours", lambda: bench.cli("run", "--config", "eval.yaml", "--json", "--concurrency", str(concurrency),
                                                              "--store", str(store)), root, store)
            pf_env = dict(env, PROMPTFOO_DISABLE_TELEMETRY="1", PROMPTFOO_DISABLE_SHARING="1", PROMPTFOO_DISABLE_UPDATE="1",
                          PROMPTFOO_CONFIG_DIR=str(root / ".promptfoo"), PROMPTFOO_CACHE_ENABLED="false", NO_COLOR="1")
            theirs = []
            for n in range(bench.REPEAT):
                m = bench.measure([node, main_js, "eval", "-c", "promptfooconfig.yaml", "--no-cache", "-j", str(concurrency), "--repeat", "1",
                                   "--no-progress-bar", "--no-table", "--no-write", "-o", "promptfoo-results.json"], root, pf_env)
                # promptfoo exits 100 when some test failed; that is a verdict, not a crash.
                if m["exit"] not in (0, 100):
                    raise RuntimeError(f"promptfoo exited {m['exit']}:\n{m['stdout'][-2000:]}\n{m['stderr'][-2000:]}")
                bench.log(f"  {name} promptfoo #{n + 1}: {m['wall']:.2f} s, {m['rss_mb']:.0f} MB")
                theirs.append(m)
        agreement, disagreements = compare(root, store, cases)
        ours_row = bench.summarize(f"{name} ours {cases} cases @{latency} ms c={concurrency}", ours, cases, latency, concurrency)
        theirs_row = bench.summarize(f"{name} promptfoo 0.123.1 same cases", theirs, cases, latency, concurrency)
        ours_row["verdict_agreement"] = f"{agreement}/{cases}" + ("" if not disagreements else f"; disagreements: {disagreements[:20]}")
        ours_row["note"] = (f"wall x{theirs_row['wall_s'] / ours_row['wall_s']:.1f} less than promptfoo, "
                            f"RSS {ours_row['peak_rss_mb'] / theirs_row['peak_rss_mb']:.2f} of promptfoo's")
        rows += [ours_row, theirs_row]
    return rows


def compare(root, store, cases):
    """Per case: our verdict (all trials passed) against promptfoo's (success); returns agreements and every disagreement."""
    ours = {}
    with sqlite3.connect(store) as db:
        run_id = db.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()[0]
        for case_id, outcome in db.execute("SELECT case_id, outcome FROM trials WHERE run_id = ?", (run_id,)):
            ours[case_id] = ours.get(case_id, True) and outcome == "Passed"
        reasons = {}
        for case_id, kind, reason in db.execute("SELECT case_id, type, reason FROM assertions WHERE run_id = ? AND passed = 0", (run_id,)):
            reasons.setdefault(case_id, f"{kind}: {reason}")
    data = json.loads((root / "promptfoo-results.json").read_text())
    results = data.get("results", {}).get("results", [])
    theirs = {}
    for r in results:
        index = r.get("testIdx", 0)
        reason = (r.get("gradingResult") or {}).get("reason") or r.get("error") or ""
        theirs[f"promptfoo-{index + 1:04d}"] = (bool(r.get("success")), reason)
    agree, disagreements = 0, []
    for case_id in sorted(ours):
        key = case_id[:len("promptfoo-0000")]
        if key in theirs and theirs[key][0] == ours[case_id]:
            agree += 1
        else:
            disagreements.append({"case": case_id, "ours": ours[case_id], "ours_reason": reasons.get(case_id, "passed"),
                                  "promptfoo": theirs.get(key, (None, "missing"))[0], "promptfoo_reason": theirs.get(key, (None, "missing"))[1]})
    return agree, disagreements
