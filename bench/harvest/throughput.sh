#!/usr/bin/env bash
# Generates a 1 GB OTLP file under bench/out (git-ignored; reused on later runs), runs the full harvest over it and
# prints MB/s per core (input MB / process CPU s) and peak RSS to stdout and bench/out/harvest-throughput.json.
# Size: ./throughput.sh 256 for 256 MB. To show a change keeps behaviour, run the bench dll with --key HEX --cases DIR
# on two builds and diff the DIRs (cases and triage are byte-identical; mapping.db differs only in its random nonces).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/AgentOps.Evals.Bench.Harvest -v q -nologo
bench=bench/AgentOps.Evals.Bench.Harvest/bin/Release/net10.0/AgentOps.Evals.Bench.dll
# Generation runs in its own process so the measured peak RSS is the harvest's alone.
dotnet "$bench" throughput --generate-only --mb "${1:-1024}" --out bench/out/harvest-throughput
dotnet "$bench" throughput --mb "${1:-1024}" --out bench/out/harvest-throughput
