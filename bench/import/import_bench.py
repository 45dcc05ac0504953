#!/usr/bin/env python3
"""promptfoo import benchmark: runs `import promptfoo --write-config` on every promptfooconfig*.yaml of a corpus folder, then
`validate` on what it wrote, and prints, per corpus: exit-0 rate, crashes (exit 3 or a stack trace), the share of assertions as
written that mapped, and the share of exit-0 imports whose written config validates with at least one runnable candidate
(an OpenAI-compatible or http candidate with a literal endpoint, or a stub whose endpoint is one ${VAR} away).
Also: the share of candidates that run natively (not a stub to point at a real endpoint), and how many notes say a
template was not rendered or a transform not applied (silent losses made visible, which the importer should shrink).
Writes bench/out/import.json. Usage:
  bench/import/import_bench.py                                   # both corpora of the repository (dev, then held-out)
  bench/import/import_bench.py --corpus NAME=DIR [--corpus …]    # any folders of promptfoo configs (e.g. promptfoo's examples/)
  bench/import/import_bench.py --cli PATH/agentops-evals.dll      # another build (e.g. main's, for a before/after)
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(REPO, "tests", "AgentOps.Evals.Tests", "Importing", "fixtures")
CLI = os.path.join(REPO, "src", "AgentOps.Evals.Cli", "bin", "Debug", "net10.0", "agentops-evals.dll")
SUMMARY = re.compile(r"imported (\d+) cases .*?, (\d+) candidate\(s\)(?: \((\d+) stub)?.*?; (\d+) of (\d+) assertions mapped")


def configs(folder):
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if re.match(r"promptfooconfig.*\.ya?ml$", name):
                yield os.path.join(root, name)


def cli(args, cwd):
    return subprocess.run(["dotnet", CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def count_notes(stderr, *needles):
    return sum(1 for line in stderr.splitlines() if all(n in line for n in needles))


def measure(name, folder):
    rows = []
    for config in sorted(configs(folder)):
        with tempfile.TemporaryDirectory() as work:
            written = os.path.join(work, "eval.imported.yaml")
            r = cli(["import", "promptfoo", config, "--write-config", written, "--golden-set", os.path.join(work, "golden-set")], work)
            crashed = r.returncode == 3 or "   at " in r.stderr
            m = SUMMARY.search(r.stderr)
            row = {"config": os.path.relpath(config, folder), "exit": r.returncode, "crash": crashed,
                   "cases": int(m.group(1)) if m else 0, "candidates": int(m.group(2)) if m else 0,
                   "mapped": int(m.group(4)) if m else 0, "written": int(m.group(5)) if m else 0, "runnable": False,
                   "stubs": int(m.group(3)) if m and m.group(3) else 0,
                   "unrendered_notes": count_notes(r.stderr, "not rendered"),
                   "transform_dropped_notes": count_notes(r.stderr, "transform", "not applied")}
            if r.returncode == 0 and row["candidates"] > 0 and os.path.exists(written):
                v = cli(["validate", "--config", written], work)
                row["runnable"] = v.returncode == 0
                if v.returncode != 0:
                    row["validate"] = (v.stdout + v.stderr).strip().splitlines()[-3:]
            if r.returncode != 0:
                row["error"] = r.stderr.strip().splitlines()[-3:]
            rows.append(row)
    ok = [r for r in rows if r["exit"] == 0]
    written = sum(r["written"] for r in rows)
    return {
        "corpus": name, "configs": len(rows),
        "exit0_rate": len(ok) / len(rows) if rows else 0,
        "crashes": sum(r["crash"] for r in rows),
        "mapped_share": sum(r["mapped"] for r in rows) / written if written else 0,
        "assertions_written": written,
        "runnable_share": sum(r["runnable"] for r in ok) / len(ok) if ok else 0,
        "native_share": 1 - sum(r["stubs"] for r in ok) / max(1, sum(r["candidates"] for r in ok)),
        "unrendered_notes": sum(r["unrendered_notes"] for r in rows),
        "transform_dropped_notes": sum(r["transform_dropped_notes"] for r in rows),
        "rows": rows,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", action="append", default=[], help="NAME=DIR")
    parser.add_argument("--cli", help="the agentops-evals.dll to measure (default: this worktree's Debug build)")
    parser.add_argument("--out", default="import.json", help="file name under bench/out")
    args = parser.parse_args()
    global CLI
    if args.cli:
        CLI = os.path.abspath(args.cli)
    corpora = [tuple(c.split("=", 1)) for c in args.corpus] or [
        ("dev (developed against)", os.path.join(FIXTURES, "corpus")),
        ("held-out (not developed against)", os.path.join(FIXTURES, "heldout")),
    ]
    if not os.path.exists(CLI):
        subprocess.run(["dotnet", "build", os.path.join(REPO, "src", "AgentOps.Evals.Cli"), "-v", "q"], check=True)
    results = [measure(n, d) for n, d in corpora]
    print(f"{'corpus':36} {'configs':>7} {'exit 0':>7} {'crashes':>7} {'mapped':>14} {'runnable':>8} {'native':>7} {'unrendered':>10} {'transform lost':>14}")
    for r in results:
        print(f"{r['corpus']:36} {r['configs']:>7} {r['exit0_rate']:>7.1%} {r['crashes']:>7} {r['mapped_share']:>6.1%} of {r['assertions_written']:>4} {r['runnable_share']:>8.1%}"
              f" {r['native_share']:>7.1%} {r['unrendered_notes']:>10} {r['transform_dropped_notes']:>14}")
    for r in results:
        for row in r["rows"]:
            if row["exit"] != 0 or not row["runnable"]:
                print(f"  {r['corpus'].split()[0]}: {row['config']}: exit {row['exit']}{'' if row['runnable'] else ', not runnable'} {row.get('error') or row.get('validate') or ''}", file=sys.stderr)
    out = os.path.join(REPO, "bench", "out")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, args.out), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
