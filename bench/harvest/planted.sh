#!/usr/bin/env bash
# Issue 13 planted-harvest bench: synthetic traced sessions with planted PII in every field, through the real `harvest`
# CLI, then counts planted originals left in the written case files, titles and triage files. Prints a table; writes
# bench/out/harvest-<generator>.json.
# Usage: bench/harvest/planted.sh [SESSIONS] [SEED] [GENERATOR]
#   GENERATOR planted  (default; 300 sessions seed 1313): the development corpus of session 4
#   GENERATOR planted2 (200 sessions seed 4242): HELD OUT, written before the session-4 changes, never tuned on
# NO_BUILD=1 skips the Release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
gen=${3:-planted}
case "$gen" in
  planted) sessions=${1:-300}; seed=${2:-1313}; script=bench/harvest/planted/make_planted.py ;;
  planted2) sessions=${1:-200}; seed=${2:-4242}; script=bench/harvest/planted2/make_planted2.py ;;
  *) echo "unknown generator '$gen' (expected planted or planted2)" >&2; exit 2 ;;
esac
work=bench/out/harvest-$gen
rm -rf "$work"; mkdir -p "$work"
python3 "$script" "$work/corpus" --sessions "$sessions" --seed "$seed"
[ -n "${NO_BUILD:-}" ] || dotnet build -c Release src/AgentOps.Evals.Cli -v q -nologo >/dev/null
dotnet src/AgentOps.Evals.Cli/bin/Release/net10.0/agentops-evals.dll harvest \
  --traces "$work/corpus/traces.jsonl" --feedback "$work/corpus/feedback.jsonl" --out "$work/cases" --limit 100000 --ephemeral-key >/dev/null
python3 bench/harvest/planted/count_leaks.py "$work/corpus" "$work/cases" --json "bench/out/harvest-$gen.json"
