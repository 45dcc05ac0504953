#!/usr/bin/env python3
"""Counts planted originals (planted.tsv from make_planted.py) that survive anywhere in a harvest's output: every key
and scalar of every case file and triage.json, and the text of triage.md. A leak is the value, or any part of it that
identifies: each name token (3+ letters, whole word), an e-mail's local part, a number with its separators removed,
the street part of an address (before the first comma). Also counts the benign order ids kept.
Usage: count_leaks.py CORPUS_DIR HARVEST_OUT_DIR [--json OUT.json]"""
import argparse, glob, json, os, re, sys
import yaml


def walk(node, out):
    if isinstance(node, dict):
        for k, v in node.items(): out.append(str(k)); walk(v, out)
    elif isinstance(node, list):
        for v in node: walk(v, out)
    elif node is not None: out.append(str(node))


def fields(folder):
    """Every key and scalar; a case's declared fakes (evidence.synthetic) are masked in its own fields, so a fake name
    drawn from the same pool as a planted one ("Marisol") is not counted as that planted name leaking."""
    out = []
    for path in glob.glob(os.path.join(folder, "**", "*.yaml"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                mine = []
                walk(doc, mine)
                fakes = sorted({w for s in ((doc or {}).get("evidence") or {}).get("synthetic") or [] for w in str(s).split()}, key=len, reverse=True)
                for text in mine:
                    for fake in fakes:
                        if len(fake) >= 3: text = re.sub(r"(?<!\w)" + re.escape(fake) + r"(?!\w)", "<fake>", text)
                    out.append(text)
    for path in glob.glob(os.path.join(folder, "**", "triage.json"), recursive=True):
        with open(path, encoding="utf-8") as f: walk(json.load(f), out)
    for path in glob.glob(os.path.join(folder, "**", "triage.md"), recursive=True):
        with open(path, encoding="utf-8") as f: out.append(f.read())
    return out


PARTICLES = {"van", "von", "der", "den", "del", "della", "dos", "das", "bin", "binti", "ibn", "ben"}


def squash(s):
    return re.sub(r"[\s\-().+/]", "", s).lower()


def probes(kind, value):
    if kind == "person-name":
        tokens = value.split()
        if len(tokens) == 1 and not value.isascii(): return [("sub", value)]
        # Particles ("bin", "van der", "de la") are words on their own, not the person.
        return [("word", t) for t in tokens if len(t) >= 3 and t.lower() not in PARTICLES]
    if kind == "street-address": return [("sub", value.split(",")[0].strip())]
    if kind == "email": return [("sub", value)]
    return [("squash", squash(value))]


def leaked(kind, value, texts, squashed):
    for how, probe in probes(kind, value):
        if how == "word":
            rx = re.compile(r"(?<!\w)" + re.escape(probe) + r"(?!\w)", re.IGNORECASE)
            if any(rx.search(t) for t in texts): return probe
        elif how == "sub":
            if any(probe.lower() in t.lower() for t in texts): return probe
        elif any(probe in t for t in squashed): return probe
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus"); p.add_argument("out"); p.add_argument("--json")
    o = p.parse_args()
    texts = fields(o.out)
    squashed = [squash(t) for t in texts]
    planted = [line.rstrip("\n").split("\t") for line in open(os.path.join(o.corpus, "planted.tsv"), encoding="utf-8")]
    leaks = []
    by_kind = {}
    for sid, kind, field, value in planted:
        hit = leaked(kind, value, texts, squashed)
        k = by_kind.setdefault(kind, [0, 0]); k[0] += 1
        if hit: k[1] += 1; leaks.append((sid, kind, field, value, hit))
    orders = [l.strip() for l in open(os.path.join(o.corpus, "orders.txt"), encoding="utf-8")]
    kept = sum(1 for x in orders if any(x in t for t in texts))
    cases = len(glob.glob(os.path.join(o.out, "**", "*.yaml"), recursive=True))
    print(f"| kind | planted | leaked |\n|---|---|---|")
    for kind, (n, l) in sorted(by_kind.items()): print(f"| {kind} | {n} | {l} |")
    print(f"| **all** | **{len(planted)}** | **{len(leaks)}** |")
    print(f"cases written: {cases} of {len(orders)} sessions; benign order ids kept: {kept} of {len(orders)}; fields walked: {len(texts)}")
    for sid, kind, field, value, hit in leaks: print(f"LEAK {sid} {kind} in {field}: {value!r} (found {hit!r})")
    if o.json:
        with open(o.json, "w") as f:
            json.dump({"planted": len(planted), "leaked": len(leaks), "by_kind": by_kind, "cases": cases, "sessions": len(orders),
                       "orders_kept": kept, "leaks": [list(x) for x in leaks]}, f, indent=2)
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
