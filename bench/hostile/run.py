#!/usr/bin/env python3
"""Hostile-input corpus through the built CLI: every malformed case, config, trace, feedback file, promptfoo config,
store, output path and argument in corpus/ (written by make_corpus.py) is run through the command that reads it, and
judged: the exit code expected for it (2 for bad input; 0 where the input is valid after all, e.g. a BOM or CRLF;
for traces and feedback, harvest skips bad lines and lists them, so 0 naming the file is clean too), no stack trace,
a first stderr line that names the file (or the argument), and no hang (120 s). Prints a table and writes
bench/out/hostile.json. Usage:
  dotnet build src/AgentOps.Evals.Cli -c Debug && bench/hostile/run.py [--only SUBSTRING]
"""
import argparse, json, os, re, shutil, sqlite3, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
CLI = os.path.join(REPO, "src", "AgentOps.Evals.Cli", "bin", "Debug", "net10.0", "agentops-evals.dll")
STACK = re.compile(r"^\s+at [\w.<>`]+[.(]|Unhandled exception|\bException:|Stack overflow|   --- End of", re.M)

GOOD_CONFIG = """golden-set: golden-set
providers:
  replay: {type: replay, cassettes: cassettes}
candidates:
  prod: {model: gpt-4.1-mini, provider: replay}
baseline: prod
run: {k: 1, concurrency: 2, timeout-s: 60, retries: 0}
harvest: {mapping-store: .agentops/mapping.db, key-env: AGENTOPS_HOSTILE_UNSET_KEY}
"""
GOOD_CASE = """id: good-001
title: Customer asks where a shipped order is
tags: [orders]
severity: P1
status: active
input:
  messages:
    - {role: user, content: "Where is my order A-1001?"}
expect:
  - {type: contains, value: "A-1001"}
"""
# shadow samples through the same readers as harvest; a few inputs show it handles them the same way.
SHADOW_SAMPLE = {"good", "truncated", "gzip", "not-json", "deep-anyvalue-kvlist", "huge-attribute", "resourceSpans-string"}
VALID_AFTER_ALL = {"cases/bom", "cases/crlf", "cases/bom-crlf", "cases/large-scalar-under-limit", "config/bom-crlf",
                   "traces/good", "traces/bom", "traces/crlf-lines", "traces/unknown-fields", "traces/many-empty-lines",
                   "feedback/good"}


def cli(args, cwd, timeout=120):
    try:
        r = subprocess.run(["dotnet", CLI, *args], cwd=cwd, capture_output=True, timeout=timeout,
                           env={**os.environ, "NO_COLOR": "1", "CI": "true"})
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "hang", "", f"no answer in {timeout} s"


def workspace(root, case_files=(), config_text=GOOD_CONFIG):
    os.makedirs(os.path.join(root, "golden-set", "suite"), exist_ok=True)
    os.makedirs(os.path.join(root, "cassettes"), exist_ok=True)
    with open(os.path.join(root, "golden-set", "suite", "good-001.yaml"), "w") as f:
        f.write(GOOD_CASE)
    for src in case_files:
        shutil.copy(src, os.path.join(root, "golden-set", "suite", os.path.basename(src)))
    with open(os.path.join(root, "eval.config.yaml"), "wb") as f:
        f.write(config_text if isinstance(config_text, bytes) else config_text.encode())
    return root


def entries(work):
    """(name, cwd, args, expected exits, text the first problem line should name)."""
    listing = lambda sub: sorted(os.listdir(os.path.join(CORPUS, sub)))
    for name in listing("cases"):
        ws = workspace(os.path.join(work, "c-" + name), [os.path.join(CORPUS, "cases", name)])
        key = "cases/" + name[:-5]
        yield key, ws, ["validate"], {0} if key in VALID_AFTER_ALL else {2}, name
    for name in listing("config"):
        with open(os.path.join(CORPUS, "config", name), "rb") as f:
            text = f.read()
        ws = workspace(os.path.join(work, "k-" + name), config_text=text)
        key = "config/" + name[:-5]
        yield key, ws, ["validate"], {0} if key in VALID_AFTER_ALL else {2}, "eval.config.yaml"
    mapping = workspace(os.path.join(work, "mapping-ws"), config_text=GOOD_CONFIG.replace("mapping-store: .agentops/mapping.db", "mapping-store: golden-set/mapping.db")
                        .replace("AGENTOPS_HOSTILE_UNSET_KEY", "AGENTOPS_HOSTILE_KEY"))
    yield "config/harvest-mapping-in-golden-set (harvest)", mapping, ["harvest", "--traces", os.path.join(CORPUS, "traces", "good.json"),
        "--feedback", os.path.join(CORPUS, "feedback", "good.jsonl"), "--out", os.path.join(mapping, "out")], {2}, "mapping"
    ws = workspace(os.path.join(work, "traces-ws"))
    good_feedback = os.path.join(CORPUS, "feedback", "good.jsonl")
    for name in listing("traces"):
        key = "traces/" + name[:-5]
        path = os.path.join(CORPUS, "traces", name)
        ok = {0} if key in VALID_AFTER_ALL else {0, 2}
        out = os.path.join(work, "h-" + name)
        yield "harvest " + key, ws, ["harvest", "--traces", path, "--feedback", good_feedback, "--out", out, "--ephemeral-key",
                                     "--store", os.path.join(out, "r.db")], ok, name
        yield "drift " + key, ws, ["drift", "--traces", path, "--feedback", good_feedback, "--no-sample", "--ephemeral-key",
                                   "--store", os.path.join(out, "d.db")], {0, 1} if key in VALID_AFTER_ALL else {0, 1, 2}, name
        if name[:-5] not in SHADOW_SAMPLE:
            continue
        yield "shadow " + key, ws, ["shadow", "--traces", path, "--candidate", "prod", "--baseline", "production", "--no-judge",
                                    "--ephemeral-key", "--set", os.path.join(out, "set"), "--store", os.path.join(out, "s.db")], \
            {0, 1, 2, 3} if key in VALID_AFTER_ALL else {0, 1, 2, 3}, name
    good_traces = os.path.join(CORPUS, "traces", "good.json")
    for name in listing("feedback"):
        key = "feedback/" + name[:-6]
        out = os.path.join(work, "f-" + name)
        yield "harvest " + key, ws, ["harvest", "--traces", good_traces, "--feedback", os.path.join(CORPUS, "feedback", name),
                                     "--out", out, "--ephemeral-key", "--store", os.path.join(out, "r.db")], \
            {0} if key in VALID_AFTER_ALL else {0, 2}, name
    for name in listing("promptfoo"):
        out = os.path.join(work, "p-" + name)
        yield "promptfoo/" + name, ws, ["import", "promptfoo", os.path.join(CORPUS, "promptfoo", name, "promptfooconfig.yaml"),
                                        "--golden-set", os.path.join(out, "gs"), "--write-config", os.path.join(out, "eval.yaml")], \
            {0, 2}, "promptfooconfig.yaml"
    yield from stores(work, ws)
    yield from arguments(work, ws)


def stores(work, ws):
    d = os.path.join(work, "stores")
    os.makedirs(d, exist_ok=True)

    def file(name, data):
        p = os.path.join(d, name)
        with open(p, "wb") as f:
            f.write(data)
        return p
    made = {
        "text-file": file("text.db", b"hello, not a database\n"),
        "random-binary": file("random.db", os.urandom(8192)),
        "sqlite-header-only": file("header.db", b"SQLite format 3\x00" + bytes(84)),
    }
    other = os.path.join(d, "other-app.db")
    with sqlite3.connect(other) as c:
        c.execute("create table invoices (id integer primary key, amount real)")
    made["other-application"] = other
    newer = os.path.join(d, "newer.db")
    # A real store, then bumped to a schema version from the future.
    code, _, _ = cli(["report", "--list", "--store", newer], ws)
    if os.path.exists(newer):
        with sqlite3.connect(newer) as c:
            c.execute("pragma user_version = 999")
        made["future-schema"] = newer
        trunc = os.path.join(d, "truncated.db")
        with open(newer, "rb") as f:
            data = f.read()
        made["truncated-store"] = file("truncated.db", data[: len(data) // 3])
    made["directory"] = d
    made["under-a-file"] = os.path.join("/etc/hostname", "results.db")
    for name, path in made.items():
        yield "store/" + name + " (run)", ws, ["run", "--store", path], {2}, os.path.basename(path.rstrip("/")) or path
        yield "store/" + name + " (report --list)", ws, ["report", "--list", "--store", path], {2}, os.path.basename(path.rstrip("/")) or path


def arguments(work, ws):
    store = os.path.join(work, "args.db")
    bad = [
        ["run", "-k", "0"], ["run", "-k", "-1"], ["run", "-k", "abc"], ["run", "-k", "99999999999"],
        ["run", "--shard", "0/4"], ["run", "--shard", "5/4"], ["run", "--shard", "1/0"], ["run", "--shard", "a/b"], ["run", "--shard", "1/4/2"],
        ["run", "--concurrency", "0"], ["run", "--concurrency", "-3"], ["run", "--filter", "severity:<=P9"], ["run", "--filter", "nope:x"],
        ["run", "--candidate", "ghost"], ["run", "--provider", "ghost"], ["run", "--resume", "run-nope"],
        ["report", "run-nope"], ["gate", "--from", "run-a", "run-b"], ["merge", "run-nope"],
        ["harvest", "--since", "yesterday-ish", "--ephemeral-key"], ["harvest", "--limit", "-1", "--ephemeral-key"],
        ["harvest", "--limit", "abc", "--ephemeral-key"], ["harvest", "--traces", "/nonexistent/*.json", "--ephemeral-key"],
        ["drift", "--since", "2026-13-45", "--ephemeral-key"], ["drift", "--since", "2026-06-30", "--until", "2026-06-01", "--ephemeral-key"],
        ["shadow", "--candidate", "prod", "-k", "0"], ["shadow", "--candidate", "prod", "--sample", "-5", "--traces", "x.json"],
        ["shadow", "--candidate", "ghost"], ["calibrate", "--run", "run-nope"],
        ["--config", "/nonexistent/eval.config.yaml", "validate"], ["--config", "/tmp", "validate"],
        ["validate", "--golden-set", "/nonexistent/gs"], ["validate", "--golden-set", "/etc/hostname"],
        ["nosuchcommand"], ["run", "--no-such-option"],
        ["report", "--list", "--store", store, "--json", "extra-arg"],
    ]
    for args in bad:
        full = [*args, "--store", store] if "--store" not in args else args
        yield "args: " + " ".join(args), ws, full, {2}, ""
    # Output paths that cannot be written: a stored run first.
    code, out, err = cli(["run", "--store", store], ws)
    run = re.search(r"run-\d{8}-\d{6}-prod-[0-9a-f]+", out + err)
    if run:
        rid = run.group(0)
        for flag, path in [("--json", "/etc/hostname/x.json"), ("--html", "/tmp"), ("--markdown", "/proc/version"),
                           ("--json", "/nonexistent-dir/x.json")]:
            yield f"output: report {flag} {path}", ws, ["report", rid, flag, path, "--store", store], {2}, path
        for flag, path in [("--junit", "/etc/hostname/gate.xml"), ("--html", "/tmp"), ("--markdown", "/proc/version")]:
            yield f"output: gate {flag} {path}", ws, ["gate", "--from", rid, rid, flag, path, "--store", store], {2}, path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="", help="run only inputs whose name holds one of these comma-separated texts")
    ap.add_argument("--cli", help="another build of agentops-evals.dll (e.g. a copy taken before a fix)")
    a = ap.parse_args()
    global CLI
    CLI = a.cli or CLI
    os.environ["AGENTOPS_HOSTILE_KEY"] = "aG9zdGlsZS1pbnB1dC10ZXN0LWtleS0zMi1ieXRlcyE="   # a fixed, made-up key for the mapping-store input
    if not os.path.exists(CLI):
        sys.exit(f"{CLI} not built: dotnet build src/AgentOps.Evals.Cli -c Debug")
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py")], check=True)
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for name, cwd, args, expected, names in entries(work):
            if not any(part in name for part in a.only.split(",")):
                continue
            code, out, err = cli(args, cwd)
            first = next((l for l in err.splitlines() if l.strip()), "")
            if not first and code in (0, 1) and names:   # harvest/drift list skipped lines on stdout
                first = next((l.strip() for l in out.splitlines() if names in l), "")
            stack = bool(STACK.search(out + err))
            # Bad input must be named: in the error (exit 2), or in the list of skipped lines (exit 0 for traces/feedback).
            valid = name.split(" ")[-1] in VALID_AFTER_ALL
            # (promptfoo import lists each drop with its case on stderr instead: exit 0 with notes is clean there.)
            lists_lines = name.startswith(("harvest ", "drift "))
            named = not names or valid or code not in (0, 1, 2) or (code != 2 and not lists_lines) or names in (err if code == 2 else out + err)
            clean = code in expected and not stack and named
            rows.append({"input": name, "exit": code, "expected": sorted(expected), "stack": stack, "names_input": named,
                         "clean": clean, "stderr": first[:160]})
            print(f"{'ok ' if clean else 'BAD'} {name[:58]:<58} exit {str(code):<4} {'STACK ' if stack else ''}{first[:110]}", flush=True)
    bad = [r for r in rows if not r["clean"]]
    print(f"\n{len(rows)} inputs, {len(rows) - len(bad)} handled cleanly, {len(bad)} not")
    for r in bad:
        print(f"  {r['input']}: exit {r['exit']} (expected {r['expected']}){' stack trace' if r['stack'] else ''}"
              f"{'' if r['names_input'] else ' (does not name the input)'}: {r['stderr']}")
    os.makedirs(os.path.join(REPO, "bench", "out"), exist_ok=True)
    with open(os.path.join(REPO, "bench", "out", "hostile.json" if not a.cli else "hostile-other-cli.json"), "w") as f:
        json.dump({"inputs": len(rows), "clean": len(rows) - len(bad), "rows": rows}, f, indent=1)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
