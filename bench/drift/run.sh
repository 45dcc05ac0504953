#!/usr/bin/env bash
# Scores drift's clustering and flagging rule on the dev set (tuned on) and two held-out sets (never tuned on).
# Prints a Markdown table and writes bench/drift/results.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/AgentOps.Evals.Bench.Drift -- "$PWD"
