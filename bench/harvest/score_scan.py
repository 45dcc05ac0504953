#!/usr/bin/env python3
"""Scores `agentops-evals scan --json` on a labelled corpus ([[type:value]] markers, one sample per line, \\n = line
break). Writes the unlabelled text to bench/out/<name>.txt, runs scan on it, matches findings to labels by type and
overlap on a line, prints per-type recall and overall precision, writes bench/out/<name>-score.json.
Usage: score_scan.py CORPUS [--cli 'dotnet path/agentops-evals.dll'] [--show-errors]"""
import json, os, re, subprocess, sys
corpus = sys.argv[1]
cli = sys.argv[sys.argv.index("--cli") + 1] if "--cli" in sys.argv else "dotnet src/AgentOps.Evals.Cli/bin/Release/net10.0/agentops-evals.dll"
show = "--show-errors" in sys.argv
name = os.path.splitext(os.path.basename(corpus))[0]
os.makedirs("bench/out", exist_ok=True)
out_lines, labels = [], []  # labels: (type, [(line, start, end)], value, sample)
MARK = re.compile(r"\[\[([a-z\-]+):(.*?)\]\]", re.S)
for raw in open(corpus, encoding="utf-8"):
    raw = raw.rstrip("\n")
    if not raw.strip() or raw.startswith("#"): continue
    sample = raw.replace("\\n", "\n")
    text, pos, spans = "", 0, []
    for m in MARK.finditer(sample):
        text += sample[pos:m.start()]; s = len(text); text += m.group(2); spans.append((m.group(1), s, len(text), m.group(2))); pos = m.end()
    text += sample[pos:]
    base = len(out_lines)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for t, s, e, v in spans:
        segs = []
        for li, ls in enumerate(starts):
            le = starts[li + 1] - 1 if li + 1 < len(starts) else len(text)
            a, b = max(s, ls), min(e, le)
            if a < b: segs.append((base + li + 1, a - ls, b - ls))
        labels.append((t, segs, v, text))
    out_lines.extend(text.split("\n"))
plain = f"bench/out/{name}.txt"
open(plain, "w", encoding="utf-8").write("\n".join(out_lines) + "\n")
res = subprocess.run(cli.split() + ["scan", plain, "--json"], capture_output=True, text=True)
if res.returncode not in (0, 1): sys.exit(f"scan failed: {res.stderr}")
findings = [json.loads(l) for l in res.stdout.splitlines() if l.startswith("{")]
types = sorted({l[0] for l in labels})
stats = {t: [0, 0] for t in types}
errors = []
used = set()
for t, segs, v, text in labels:
    hit = [i for i, f in enumerate(findings) if f["type"] == t and any(f["line"] == ln and f["start"] < e and s < f["end"] for ln, s, e in segs)]
    stats[t][0 if hit else 1] += 1
    used.update(hit)
    if not hit: errors.append(f"MISS {t}: {v!r}  <{text[:110]!r}>")
tp_f = 0; fp = 0
for i, f in enumerate(findings):
    ok = i in used or any(f["type"] == t and any(f["line"] == ln and f["start"] < e and s < f["end"] for ln, s, e in segs) for t, segs, v, _ in labels)
    if ok: tp_f += 1
    else:
        fp += 1; errors.append(f"FALSE {f['type']}: {out_lines[f['line']-1][f['start']:f['end']]!r}  <{out_lines[f['line']-1][:110]!r}>")
print(f"corpus {corpus}: {len(labels)} labels, {len(findings)} findings")
print(f"{'type':16} {'labels':>7} {'recall':>7}")
rows = {}
for t in types:
    n = sum(stats[t]); rows[t] = {"labels": n, "recall": round(stats[t][0] / n, 4)}
    print(f"{t:16} {n:7} {stats[t][0]/n:7.3f}")
prec = tp_f / max(1, tp_f + fp)
print(f"{'precision':16} {tp_f + fp:7} {prec:7.3f}  (findings overlapping a label of their type / all findings)")
json.dump({"corpus": corpus, "types": rows, "precision": round(prec, 4), "findings": len(findings), "false": fp}, open(f"bench/out/{name}-score.json", "w"), indent=1)
if show:
    for e in errors: print("  " + e)
