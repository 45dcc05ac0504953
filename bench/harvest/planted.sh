#!/usr/bin/env bash
# Issue 13 planted-harvest bench: ~300 synthetic traced sessions with planted PII in every field (held out: names and
# templates not used to tune the detectors), through the real `harvest` CLI, then counts planted originals left in the
# written case files, titles and triage files. Prints a table; writes bench/out/harvest-planted.json.
# Usage: bench/harvest/planted.sh [SESSIONS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
sessions=${1:-300}; seed=${2:-1313}
work=bench/out/harvest-planted
rm -rf "$work"; mkdir -p "$work"
python3 bench/harvest/planted/make_planted.py "$work/corpus" --sessions "$sessions" --seed "$seed"
dotnet build -c Release src/AgentOps.Evals.Cli -v q -nologo >/dev/null
dotnet src/AgentOps.Evals.Cli/bin/Release/net10.0/agentops-evals.dll harvest \
  --traces "$work/corpus/traces.jsonl" --feedback "$work/corpus/feedback.jsonl" --out "$work/cases" --limit 100000 --ephemeral-key >/dev/null
python3 bench/harvest/planted/count_leaks.py "$work/corpus" "$work/cases" --json bench/out/harvest-planted.json
