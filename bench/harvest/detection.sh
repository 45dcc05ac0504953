#!/usr/bin/env bash
# Scores the PII detectors per entity type on the labelled corpus; prints a table, writes bench/out/detection.json.
# Exit 1 when a target is missed (recall >= 0.99 structured + secrets, >= 0.90 names; precision >= 0.95).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/AgentOps.Evals.Bench.Harvest -- detection --corpus bench/harvest/corpus --json bench/out/detection.json
