#!/bin/sh
# check_outputs.sh — the strict parsers over what the fuzz corpus makes.
#
#   fuzz/check_outputs.sh [CORPUS] [BATCH]
#
# Runs the built ytegraph over the fuzz_jsonl corpus (default
# fuzz/corpus/fuzz_jsonl, else fuzz/seeds/fuzz_jsonl), BATCH records
# (default 100) per build, writing every format, and reads each output
# back with a strict parser: rapper for Turtle, N-Triples, N-Quads and
# RDF/XML, Python's XML parser for SVG and RDF/XML, dot for DOT, Python's
# csv module for CSV and TSV (every row as many fields as the header),
# json for JSON Lines; the records in fuzz/regressions/check_outputs/ (each
# broke an output once) go first.  The exit status of every build must be 0 or 1 (a
# malformed record), never a crash.  These parsers are processes: run
# outside the fuzzer so that executions per second stay high there.
#
# Exit status: 0 when every output of every batch parsed.
set -u
FUZZ=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$FUZZ/.." && pwd)
YTEGRAPH=${YTEGRAPH:-$TOP/ytegraph}
export YTEGRAPH_DATADIR="${YTEGRAPH_DATADIR:-$TOP/ontology}"
CORPUS=${1:-$FUZZ/corpus/fuzz_jsonl}
[ -d "$CORPUS" ] || CORPUS=$FUZZ/seeds/fuzz_jsonl
BATCH=${2:-100}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
TMP=$(mktemp -d "${TMPDIR:-/tmp}/yg-check.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# one record a line (inputs holding a newline are no single record)
YG_CHECK_REGRESSIONS="$FUZZ/regressions/check_outputs" "$PY" - "$CORPUS" "$TMP" "$BATCH" <<'PYEOF'
import os, sys
corpus, tmp, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
recs = []
# records that once broke an output come first (fuzz/regressions/check_outputs)
reg = os.path.join(os.path.dirname(os.path.abspath(sys.argv[0] if sys.argv[0] != "-" else ".")), "regressions", "check_outputs")
reg = os.environ.get("YG_CHECK_REGRESSIONS", reg)
if os.path.isdir(reg):
    for f in sorted(os.listdir(reg)):
        recs += [l for l in open(os.path.join(reg, f), "rb").read().split(b"\n") if l.strip()]
for f in sorted(os.listdir(corpus)):
    b = open(os.path.join(corpus, f), "rb").read()
    if b and b"\n" not in b and b"\r" not in b:
        recs.append(b)
for i in range(0, len(recs), batch):
    open(os.path.join(tmp, "b%05d.jsonl" % (i // batch)), "wb").write(b"\n".join(recs[i:i + batch]) + b"\n")
print("# %d records in %d batches" % (len(recs), (len(recs) + batch - 1) // batch))
PYEOF

fail=0 batches=0 empty=0
for in in "$TMP"/b*.jsonl; do
	[ -f "$in" ] || continue
	batches=$((batches + 1))
	o=${in%.jsonl}
	"$YTEGRAPH" build --jsonl -o "$o.ttl" -o "$o.nt" -o "$o.nq" -o "$o.rdf" -o "$o.svg" -o "$o.dot" \
		-o "$o.csv" -o "$o.tsv" -o "$o.ents.jsonl" "$in" 2>"$o.err"
	rc=$?
	problem=""
	[ $rc -le 1 ] || problem="exit status $rc"
	if [ $rc -eq 1 ] && [ ! -e "$o.ttl" ] && grep -q "0 document(s)" "$o.err" 2>/dev/null; then
		empty=$((empty + 1)) # every record malformed: nothing to write
		continue
	fi
	for f in ttl:turtle nt:ntriples nq:nquads rdf:rdfxml; do
		[ -z "$problem" ] || break
		rapper -q -i "${f#*:}" -c "$o.${f%%:*}" https://example.org/ >/dev/null 2>"$o.parse" ||
			problem="rapper -i ${f#*:}: $(head -c 300 "$o.parse")"
	done
	[ -n "$problem" ] || "$PY" -c 'import sys, xml.dom.minidom as m; [m.parse(f) for f in sys.argv[1:]]' "$o.svg" "$o.rdf" 2>"$o.parse" ||
		problem="XML: $(tail -c 300 "$o.parse")"
	[ -n "$problem" ] || dot -Tcanon "$o.dot" >/dev/null 2>"$o.parse" || problem="dot: $(head -c 300 "$o.parse")"
	[ -n "$problem" ] || "$PY" - "$o.csv" "$o.tsv" "$o.ents.jsonl" 2>"$o.parse" <<'PYEOF' || problem="csv/json: $(tail -c 300 "$o.parse")"
import csv, json, sys
for path, dialect in ((sys.argv[1], "excel"), (sys.argv[2], "excel-tab")):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, dialect=dialect))
    lines = open(path, encoding="utf-8-sig", newline="").read().count("\n")
    assert rows and all(len(r) == len(rows[0]) for r in rows), (path, [len(r) for r in rows][:20])
    assert len(rows) == lines, (path, "%d records from %d lines" % (len(rows), lines))
    for r in rows[1:]:
        assert not any(c[:1] in ("=", "+", "-", "@") for c in r), (path, r)
for line in open(sys.argv[3], encoding="utf-8"):
    json.loads(line)
PYEOF
	if [ -n "$problem" ]; then
		fail=$((fail + 1))
		echo "FAIL $(basename "$in"): $problem"
		mkdir -p "$FUZZ/artifacts" && cp "$in" "$FUZZ/artifacts/check-$(basename "$in")"
	fi
done
echo "check_outputs.sh: $batches batch(es) ($empty of malformed records only), $fail with an output a strict parser rejects"
[ $fail -eq 0 ]
