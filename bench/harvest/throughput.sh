#!/usr/bin/env bash
# Generates a 1 GB OTLP file under bench/out (git-ignored; reused on later runs), runs the full harvest over it and
# prints MB/s per core and peak RSS to stdout and bench/out/harvest-throughput.json. Size: ./throughput.sh 256 for 256 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/AgentOps.Evals.Bench.Harvest -- throughput --mb "${1:-1024}" --out bench/out/harvest-throughput
