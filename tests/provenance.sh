#!/bin/sh
# Where a fact comes from: every entity and relation of `extract` names
# the rule that found it and its evidence (the sentence's code-point
# offsets), `extract --explain` shows them, and a province inside a
# longer name is marked nested (#12).
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"

"$YTEGRAPH" extract -q "$EX" >"$TMP/ex.jsonl" 2>/dev/null
cat >"$TMP/check.py" <<'PY'
import json, sys
# rules named in doc/RULES.md (a "`rule.name`" in a heading or a list)
import re
documented = set(re.findall(r"`([a-z]+\.[a-z-]+)`", open(sys.argv[2], encoding="utf-8").read()))
texts = {}
bad = []
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    import pathlib
    text = pathlib.Path(sys.argv[3], rec["doc"] + ".txt").read_text(encoding="utf-8")
    import unicodedata
    text = unicodedata.normalize("NFC", text)
    facts = [("entity", e["label"], e) for e in rec["entities"]] + \
            [("relation", r["s"] + " " + r["p"] + " " + r["o"], r) for r in rec["relations"]]
    for kind, name, f in facts:
        if "rule" not in f or "evidence" not in f:
            bad.append("%s %s: no rule or evidence" % (kind, name)); continue
        if f["rule"] not in documented:
            bad.append("%s %s: rule %s is not in doc/RULES.md" % (kind, name, f["rule"]))
        ev = f["evidence"]
        sent = text[ev["start"]:ev["end"]]
        if not (0 <= ev["start"] < ev["end"] <= len(text)):
            bad.append("%s %s: evidence out of the text" % (kind, name))
        if kind == "entity" and f["mentions"] and f["rule"] != "issuer.code":
            if not any(ev["start"] <= m["start"] and m["end"] <= ev["end"] for m in f["mentions"]):
                bad.append("entity %s: no mention inside its evidence %r" % (name, sent))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
check "every entity and relation has a documented rule and evidence around a mention" \
	python3 "$TMP/check.py" "$TMP/ex.jsonl" "$top_srcdir/doc/RULES.md" "$EX"

printf 'Bệnh viện Đa khoa tỉnh Lào Cai tiếp nhận bệnh nhân.\n' >"$TMP/a.txt"
check "a province inside a longer name is nested" sh -c '"$0" extract "$1" | grep -q "\"text\":\"tỉnh Lào Cai\",\"nested\":true"' "$YTEGRAPH" "$TMP/a.txt"
check "... the longer name is not" sh -c '! "$0" extract "$1" | grep -q "Cai\",\"nested\":true.*Province"' "$YTEGRAPH" "$TMP/a.txt"
printf 'Đoàn công tác đến Lào Cai.\n' >"$TMP/b.txt"
check "a province alone is not nested" sh -c '! "$0" extract "$1" | grep -q nested' "$YTEGRAPH" "$TMP/b.txt"

printf 'Từ ngày 1/10/2025, tỉnh hợp nhất Bệnh viện Phổi Hà Nam vào Bệnh viện Đa khoa tỉnh Hà Nam.\nÔng Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Hà Nam,\nphát biểu.\n' >"$TMP/c.txt"
"$YTEGRAPH" extract --explain "$TMP/c.txt" >"$TMP/c.out"
check "--explain names the rule under a relation" grep -A1 -q "mergedInto→ Bệnh viện Đa khoa tỉnh Hà Nam" "$TMP/c.out"
check "... merge.direction" sh -c 'grep -A1 "mergedInto→" "$0" | grep -q "rule merge.direction"' "$TMP/c.out"
check "... and quotes the sentence on one line, wrapped lines joined" grep -q "rule official.title-after  \[[0-9]*-[0-9]*\] Ông Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Hà Nam, phát biểu\.$" "$TMP/c.out"
check "--explain implies --format text" sh -c 'head -1 "$0" | grep -q "^# c "' "$TMP/c.out"
check "--explain is for extract only (usage error)" exit_is 2 "$YTEGRAPH" entities --explain "$TMP/c.txt"

finish
