#!/bin/sh
# Scale-out on Dask: scripts/dask-build.py on a local cluster of three
# worker processes over loopback (127.0.0.1) builds three JSON Lines
# shards; the merged N-Quads, Turtle and entity list equal those of one
# ytegraph run over the whole corpus, and the queries give the same rows
# over the merged N-Quads loaded into Oxigraph.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
OX="$top_srcdir/scripts/oxigraph"

if ! "$PY" -c "import distributed" 2>/dev/null; then
	skip "the Dask recipe" "python3-distributed is not installed (scripts/setup-debian.sh --tests)"
	finish
	exit $?
fi

# the corpus: the samples and 60 generated articles, as JSON Lines, in
# three shards of unequal size
"$PY" - "$EX" "$TMP/all.jsonl" <<'EOF'
import glob, json, os, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
        rec = {"id": os.path.basename(p)[:-4], "text": open(p, encoding="utf-8").read()}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
EOF
"$PY" "$top_srcdir/bench/gen_corpus.py" 0.2 "$TMP/gen.jsonl" >/dev/null
head -n 60 "$TMP/gen.jsonl" >>"$TMP/all.jsonl"
sed -n '1,10p' "$TMP/all.jsonl" >"$TMP/s1.jsonl"
sed -n '11,40p' "$TMP/all.jsonl" >"$TMP/s2.jsonl"
sed -n '41,$p' "$TMP/all.jsonl" >"$TMP/s3.jsonl"

check "dask-build.py on a local cluster of 3 worker processes" \
	"$PY" "$top_srcdir/scripts/dask-build.py" --local 3 --ytegraph "$YTEGRAPH" --out "$TMP/dask" \
	"$TMP/s1.jsonl" "$TMP/s2.jsonl" "$TMP/s3.jsonl"
cp "$TMP/.out" "$TMP/dask.err"
check "... the shards ran on workers listening on 127.0.0.1, more than one of them" sh -c '
	n=$(grep -o "from worker tcp://127\.0\.0\.1:[0-9]*" "$0" | sort -u | wc -l); echo "$n workers"
	[ "$n" -ge 2 ] && ! grep "from worker" "$0" | grep -qv "tcp://127\.0\.0\.1:"' "$TMP/dask.err"

check "the single-machine run" "$YTEGRAPH" build -q --jsonl -o "$TMP/one.nq" -o "$TMP/one.ttl" "$TMP/all.jsonl"
"$YTEGRAPH" entities -q --jsonl --format tsv "$TMP/all.jsonl" >"$TMP/one.tsv"
check "the merged N-Quads are the single run's, line for line" sh -c 'sort "$0/one.nq" | diff - "$0/dask/graph.nq"' "$TMP"
check "... which concatenating the shards is not" sh -c 'cat "$0"/dask/shards/*.nq | sort -u >"$0/cat.nq"; ! cmp -s "$0/cat.nq" "$0/dask/graph.nq"' "$TMP"
check "the merged Turtle has the single run's triples" "$PY" -c "
import rdflib
from rdflib.compare import isomorphic
a = rdflib.Graph().parse('$TMP/one.ttl', format='turtle')
b = rdflib.Graph().parse('$TMP/dask/graph.ttl', format='turtle')
assert len(a) > 1000 and isomorphic(a, b), (len(a), len(b))
"
check "the merged entity list is the single run's" "$PY" -c "
import csv
def rows(p):
    with open(p, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
a, b = rows('$TMP/one.tsv'), rows('$TMP/dask/entities.tsv')
cols = [c for c in b[0] if c in a[0]]
assert cols[:5] == ['type', 'label', 'iri', 'mentions', 'documents'], cols
lists = ('documents', 'aliases')
split = lambda s: sorted(x for x in s.replace(';', '|').replace(',', '|').split('|') if x)
key = lambda r: tuple(split(r[c]) if c in lists else r[c] for c in cols)
bad = [(x, y) for x, y in zip(a, b) if key(x) != key(y)]
for x, y in bad[:3]: print('single:', x); print('dask:  ', y)
assert len(a) == len(b) and not bad, (len(a), len(b), len(bad))
"
if command -v node >/dev/null 2>&1 && [ -d "$OX/node_modules/oxigraph" ]; then
	for f in "$top_srcdir"/queries/*.rq; do
		n=$(basename "$f" .rq)
		check "$n.rq over the merged N-Quads in Oxigraph = over the single run's Turtle" sh -c '
			node "$0/sparql.mjs" query --union "$1" "$2/dask/graph.nq" >"$2/a.csv" &&
			node "$0/sparql.mjs" query "$1" "$2/one.ttl" >"$2/b.csv" && diff "$2/a.csv" "$2/b.csv"' "$OX" "$f" "$TMP"
	done
else
	skip "queries over the merged N-Quads" "Oxigraph is not installed (scripts/setup-debian.sh --tests)"
fi
finish
