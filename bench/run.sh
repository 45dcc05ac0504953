#!/usr/bin/env bash
# One command for every benchmark: builds Release, starts the fake model server on 127.0.0.1, runs the workloads,
# prints a table and writes bench/out/results.json. See bench/README.md.
#   bench/run.sh                 # all workloads (W1..W4, promptfoo P-a/P-b)
#   bench/run.sh W1 W2           # only these
#   BENCH_REPEAT=5 bench/run.sh  # medians of 5 runs (default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"

# /usr/bin/time -v gives the peak RSS of each measured process.
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak RSS)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq time >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null; fi
fi
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }

echo "building Release" >&2
dotnet build "$repo/src/AgentOps.Evals.Cli" -c Release -nologo -v q -clp:NoSummary >&2
dotnet build "$repo/bench/AgentOps.Evals.FakeModelServer" -c Release -nologo -v q -clp:NoSummary >&2

exec python3 "$here/bench.py" --repo "$repo" "$@"
