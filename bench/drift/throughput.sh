#!/usr/bin/env bash
# drift over ~1 GB of OTLP (issue 16 "Scale"): generates the file with the harvest bench's generator under bench/out
# (git-ignored; shared with bench/harvest/throughput.sh and reused), runs the Release CLI's `drift` on it as its own
# process under /usr/bin/time -v, prints a table and writes bench/drift/throughput.json.
# Usage: bench/drift/throughput.sh [MB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-1024}
data=bench/out/harvest-throughput
dotnet build -c Release bench/AgentOps.Evals.Bench.Harvest -v q -nologo >/dev/null
dotnet bench/AgentOps.Evals.Bench.Harvest/bin/Release/net10.0/AgentOps.Evals.Bench.dll throughput --generate-only --mb "$mb" --out "$data"
dotnet build -c Release src/AgentOps.Evals.Cli -v q -nologo >/dev/null
store=$(mktemp -d)/results.db
/usr/bin/time -v -o bench/out/drift-time.txt dotnet src/AgentOps.Evals.Cli/bin/Release/net10.0/agentops-evals.dll drift \
  --traces "$data/traces.json" "$data/logs.json" --feedback "$data/feedback.jsonl" --store "$store" --no-sample --ephemeral-key --json \
  > bench/out/drift-report.json || test $? -eq 1   # exit 1 = drift found: a result, not a failure
rm -rf "$(dirname "$store")"
python3 - "$data" <<'PY'
import json, os, re, sys
data = sys.argv[1]
t = open("bench/out/drift-time.txt").read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", t).group(1).strip()
user, system = float(field("User time (seconds)")), float(field("System time (seconds)"))
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall_s = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
size_mb = sum(os.path.getsize(os.path.join(data, f)) for f in ("traces.json", "logs.json")) / 1024 / 1024
report = json.load(open("bench/out/drift-report.json"))
row = {
    "input_mb": round(size_mb, 1), "wall_s": round(wall_s, 1), "cpu_s": round(user + system, 1),
    "mb_per_s_wall": round(size_mb / wall_s, 1), "mb_per_s_per_core": round(size_mb / (user + system), 1), "peak_rss_mb": round(rss_mb, 1),
    "queries_clustered": report["queries"] + report["previousQueries"], "sampled_fraction": round(report["sampledFraction"], 4),
    "clusters": len(report["clusters"]), "drifted": report["drifted"],
    "targets": "≥ 50 MB/s per core, ≤ 300 MB peak RSS (the harvest bar)",
}
print("| input MB | wall s | CPU s | MB/s wall | MB/s per core | peak RSS MB | queries clustered | sampled fraction | clusters |")
print("|---|---|---|---|---|---|---|---|---|")
print(f"| {row['input_mb']} | {row['wall_s']} | {row['cpu_s']} | {row['mb_per_s_wall']} | {row['mb_per_s_per_core']} | {row['peak_rss_mb']} | {row['queries_clustered']} | {row['sampled_fraction']} | {row['clusters']} |")
json.dump(row, open("bench/drift/throughput.json", "w"), indent=2, ensure_ascii=False)
print("written bench/drift/throughput.json")
PY
