#!/usr/bin/env bash
# Rate-limit benchmark (issue 14): builds Release, then runs R1 (30 req/s) and R2 (40,000 tokens/min) against the fake
# model server's rate-limit mode, prints a table and writes bench/out/ratelimit.json. See bench/README.md.
#   bench/ratelimit/run.sh             # R1 and R2, medians of 3
#   BENCH_REPEAT=1 bench/ratelimit/run.sh R1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is required (bench/run.sh installs it)" >&2; exit 2; }
echo "building Release" >&2
dotnet build "$repo/src/AgentOps.Evals.Cli" -c Release -nologo -v q -clp:NoSummary >&2
dotnet build "$repo/bench/AgentOps.Evals.FakeModelServer" -c Release -nologo -v q -clp:NoSummary >&2
exec python3 "$here/ratelimit.py" "$@"
