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

# Published precompiled for this machine's runtime identifier: without it every method of the OpenAI SDK, HttpClient
# glue, SQLite and our own code is JIT-compiled before the first model call (~0.55 s of CPU on the critical path,
# measured in bench/README.md). The CLI is published the way a pipeline image would ship it: self-contained, the
# framework and the app ReadyToRun-compiled as one composite image (generic code across assemblies precompiled too:
# ~0.3 s less per W1 run than framework-dependent ReadyToRun, bench/README.md). BENCH_FD=1 measures the
# framework-dependent ReadyToRun publish instead; BENCH_JIT=1 the plain `dotnet build` output.
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid="" ;;
esac
mkdir -p "$here/out"
if [ -n "$rid" ] && [ -z "${BENCH_JIT:-}" ]; then
  # Own artifacts folder: a self-contained publish must not share obj/ with the framework-dependent builds.
  if [ -n "${BENCH_FD:-}" ]; then
    echo "publishing Release ReadyToRun, framework-dependent ($rid)" >&2
    dotnet publish "$repo/src/AgentOps.Evals.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      --artifacts-path "$here/out/artifacts-fd" -o "$here/out/cli-fd" -nologo -v q -clp:NoSummary >&2
    cli="$here/out/cli-fd/agentops-evals.dll"
  else
    echo "publishing Release self-contained composite ReadyToRun ($rid; about 90 s the first time)" >&2
    dotnet publish "$repo/src/AgentOps.Evals.Cli" -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
      --artifacts-path "$here/out/artifacts-sc" -o "$here/out/cli" -nologo -v q -clp:NoSummary >&2
    cli="$here/out/cli/agentops-evals"
  fi
  dotnet publish "$repo/bench/AgentOps.Evals.FakeModelServer" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    --artifacts-path "$here/out/artifacts-fd" -o "$here/out/server" -nologo -v q -clp:NoSummary >&2
  export BENCH_CLI="${BENCH_CLI:-$cli}" BENCH_SERVER="${BENCH_SERVER:-$here/out/server/AgentOps.Evals.FakeModelServer.dll}"
else
  echo "building Release" >&2
  dotnet build "$repo/src/AgentOps.Evals.Cli" -c Release -nologo -v q -clp:NoSummary >&2
  dotnet build "$repo/bench/AgentOps.Evals.FakeModelServer" -c Release -nologo -v q -clp:NoSummary >&2
fi

exec python3 "$here/bench.py" --repo "$repo" "$@"
