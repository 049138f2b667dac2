#!/usr/bin/env python3
"""ytegraph's own scorer: predicted entities and relations against gold.

usage: score.py GOLD.jsonl PRED.jsonl [--types T1,T2|all] [--errors N]

Both files hold one JSON object per article, as `ytegraph extract --format
jsonl` writes and the annotation guideline describes:
  {"doc": ..., "entities": [{"type", "label", "aliases"?}],
   "relations": [{"s", "p", "o", "role"?}]}

Matching follows the guideline's contract:
  * text is compared after NFC, case folding, collapsing white space,
    stripping surrounding punctuation, and folding the two tone placements
    of open oa/oe/uy (hoà = hòa, thuý = thúy; not after q, not in closed
    syllables);
  * a predicted entity matches a gold one of the same type when its label
    equals the gold label or one of its aliases;
  * a predicted relation matches when p is equal and both ends match a name
    of the gold end's entity; partnerOf matches in either direction;
  * per document, type and relation, one-to-one greedy matching, exact
    labels first, then aliases.
Prints per-type precision, recall and F1, then the last line
`F1 <entity micro F1> REL <relation micro F1> ROLE <role accuracy>`.
Exit status 2 on unreadable input.
"""
import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict

TONES = "\u0300\u0301\u0303\u0309\u0323"
FOLD = re.compile(r"(?<!q)(u)([ỳýỷỹỵ])(?!\w)|(o)([àáảãạèéẻẽẹ])(?!\w)")


def _move(m):
    a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    nfd = unicodedata.normalize("NFD", b)
    tone = "".join(ch for ch in nfd if ch in TONES)
    base = "".join(ch for ch in nfd if ch not in TONES)
    return unicodedata.normalize("NFC", a + tone) + unicodedata.normalize("NFC", base)


def norm(s):
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", str(s or "")).casefold())
    s = " ".join(s.split())
    punct = lambda ch: unicodedata.category(ch).startswith("P") or ch.isspace()
    i, j = 0, len(s)
    while i < j and punct(s[i]):
        i += 1
    while j > i and punct(s[j - 1]):
        j -= 1
    return FOLD.sub(_move, s[i:j])


def load(path):
    docs = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                obj = json.loads(line)
                d = docs.setdefault(str(obj["doc"]), {"entities": [], "relations": []})
                d["entities"] += obj.get("entities") or []
                d["relations"] += obj.get("relations") or []
    except (OSError, ValueError, KeyError) as e:
        sys.stderr.write("score.py: %s: %s\n" % (path, e))
        sys.exit(2)
    return docs


def match(preds, golds, exact, loose):
    """Greedy one-to-one: returns (pairs, unmatched preds, unmatched golds)."""
    pair, used = {}, set()
    for test in (exact, loose):
        for i, p in enumerate(preds):
            if i in pair:
                continue
            for j, g in enumerate(golds):
                if j not in used and test(p, g):
                    pair[i] = j
                    used.add(j)
                    break
    return (sorted(pair.items()), [i for i in range(len(preds)) if i not in pair],
            [j for j in range(len(golds)) if j not in used])


def names_of(label, gold_ents):
    n = norm(label)
    for e in gold_ents:
        if e["norm"] == n:
            return e["names"]
    for e in gold_ents:
        if n in e["names"]:
            return e["names"]
    return {n}


def role_forms(role, obj_names):
    r = norm(role)
    out = {r}
    for name in obj_names:
        if name and r.endswith(" " + name):
            out.add(norm(r[: -len(name) - 1]))
    return out


def prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--types", default="all")
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    gold, pred = load(a.gold), load(a.pred)
    ent = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    rel = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    roles = [0, 0]
    errors = []
    for doc, g in gold.items():
        p = pred.get(doc, {"entities": [], "relations": []})
        gents = [{"type": e.get("type"), "label": e.get("label"), "norm": norm(e.get("label")),
                  "names": {norm(e.get("label"))} | {norm(x) for x in e.get("aliases") or []}}
                 for e in g["entities"]]
        types = sorted({e["type"] for e in gents} | {e.get("type") for e in p["entities"]})
        for t in types:
            if a.types != "all" and t not in a.types.split(","):
                continue
            ge = [e for e in gents if e["type"] == t]
            pe = [e for e in p["entities"] if e.get("type") == t]
            pairs, fp, fn = match(pe, ge, lambda x, y: norm(x.get("label")) == y["norm"],
                                  lambda x, y: norm(x.get("label")) in y["names"])
            ent[t]["tp"] += len(pairs)
            ent[t]["fp"] += len(fp)
            ent[t]["fn"] += len(fn)
            errors += ["FP %s %s  %s" % (t, doc, pe[i].get("label")) for i in fp]
            errors += ["FN %s %s  %s" % (t, doc, ge[j]["label"]) for j in fn]
        for r in sorted({x.get("p") for x in g["relations"]} | {x.get("p") for x in p["relations"]}):
            if r == "mentions":
                continue
            gr = [x for x in g["relations"] if x.get("p") == r]
            pr = [x for x in p["relations"] if x.get("p") == r]
            ends = [(names_of(x.get("s"), gents), names_of(x.get("o"), gents)) for x in gr]

            def ok(x, j, exact):
                s, o = norm(x.get("s")), norm(x.get("o"))
                sn, on = ends[j]
                gs, go = norm(gr[j].get("s")), norm(gr[j].get("o"))
                if exact:
                    fwd = s == gs and o == go
                    back = s == go and o == gs
                else:
                    fwd = s in sn and o in on
                    back = o in sn and s in on
                return fwd or (r == "partnerOf" and back)

            pairs, fp, fn = match(list(range(len(pr))), list(range(len(gr))),
                                  lambda i, j: ok(pr[i], j, True), lambda i, j: ok(pr[i], j, False))
            rel[r]["tp"] += len(pairs)
            rel[r]["fp"] += len(fp)
            rel[r]["fn"] += len(fn)
            for i, j in pairs:
                if r == "memberOf" and gr[j].get("role"):
                    roles[1] += 1
                    roles[0] += bool(role_forms(pr[i].get("role"), ends[j][1]) &
                                     role_forms(gr[j].get("role"), ends[j][1]))
            errors += ["FP %s %s  %s -> %s" % (r, doc, pr[i].get("s"), pr[i].get("o")) for i in fp]
            errors += ["FN %s %s  %s -> %s" % (r, doc, gr[j].get("s"), gr[j].get("o")) for j in fn]
    print("%-16s %5s %5s %5s %6s %6s %6s" % ("type", "tp", "fp", "fn", "prec", "rec", "F1"))
    for table in (ent, rel):
        tot = {"tp": 0, "fp": 0, "fn": 0}
        for k in sorted(table):
            c = table[k]
            for f in tot:
                tot[f] += c[f]
            print("%-16s %5d %5d %5d %6.3f %6.3f %6.3f" % ((k, c["tp"], c["fp"], c["fn"]) + prf(c)))
        print("%-16s %5d %5d %5d %6.3f %6.3f %6.3f" % (("micro", tot["tp"], tot["fp"], tot["fn"]) + prf(tot)))
        table["_micro"] = tot
    for e in errors[: a.errors]:
        print("  " + e)
    micro = lambda t: prf(t["_micro"])[2]
    print("F1 %.3f REL %.3f ROLE %.3f" % (micro(ent), micro(rel), roles[0] / roles[1] if roles[1] else 1.0))


if __name__ == "__main__":
    main()
