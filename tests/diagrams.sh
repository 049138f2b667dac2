#!/bin/sh
# Diagrams of a whole corpus: readable at 100 % on a 1920-px screen (the
# width of every picture), an overview by province when the graph is too
# big (with a hint on stderr), one picture per province from one command,
# the legend as one block, filters that drop the nodes they isolate.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"

# png_width FILE: the width in the PNG header (bytes 17-20, big-endian).
png_width() {
	od -An -tu1 -j16 -N4 "$1" | awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}'
}
# narrow FILE...: every PNG at most 1920 px wide.
narrow() {
	for f in "$@"; do
		w=$(png_width "$f")
		[ "$w" -le 1920 ] || { echo "$f: $w px wide"; return 1; }
	done
}
# nodes FILE.dot: the entity nodes a DOT file draws.
nodes() {
	grep -c '^[[:space:]]*"https://[^"]*"[[:space:]]*\[' "$1"
}

# ---- the samples: drawn whole ----
check "the samples are drawn whole" "$YTEGRAPH" build -q -o "$TMP/ex.png" -o "$TMP/ex.dot" "$EX"
check "... at most 1920 px wide" narrow "$TMP/ex.png"
check "... with a cluster per province and one legend node (an HTML table)" sh -c '
	grep -q "subgraph \"cluster_ha-noi\"" "$0" && test "$(grep -c "^[[:space:]]*legend[[:space:]]*\[label=<<TABLE" "$0")" -eq 1 &&
	! grep -q "legend_" "$0"' "$TMP/ex.dot"

# ---- a generated corpus of about 200 articles: an overview ----
"$PY" "$top_srcdir/bench/gen_corpus.py" 0.3 "$TMP/gen.jsonl" >/dev/null
check "a corpus of 80 articles is drawn" "$YTEGRAPH" build --jsonl -o "$TMP/gen.png" -o "$TMP/gen.dot" "$TMP/gen.jsonl"
cp "$TMP/.out" "$TMP/gen.err" 2>/dev/null
check "... as an overview by province, at most 1920 px wide" narrow "$TMP/gen.png"
check "... which says so on stderr, with how to get the detail" sh -c '
	"$0" build --jsonl -o "$1/again.png" "$1/gen.jsonl" 2>&1 >/dev/null | grep "overview by province" | grep -q "%s.png"' "$YTEGRAPH" "$TMP"
check "... a table per province with its counts" sh -c 'grep -q "bệnh viện</TD>" "$0" && grep -q "Hà Nội" "$0"' "$TMP/gen.dot"
check "... and the mergers (dashed arrows)" grep -q 'style=dashed' "$TMP/gen.dot"
check "... and one legend node" sh -c 'test "$(grep -c "^[[:space:]]*legend[[:space:]]*\[label=<<TABLE" "$0")" -eq 1' "$TMP/gen.dot"

# ---- one picture per province ----
check "-o 'DIR/%s.png' writes one picture per province" "$YTEGRAPH" build -q --jsonl -o "$TMP/prov/%s.png" -o "$TMP/provdot/%s.dot" "$TMP/gen.jsonl"
check "... a file per province, named by its slug" sh -c 'test -f "$0/prov/ha-noi.png" && test "$(ls "$0/prov" | wc -l)" -ge 10' "$TMP"
check "... no temporary file left" sh -c '! ls "$0/prov" | grep -q tmp' "$TMP"
check "... each at most 1920 px wide" sh -c 'narrow() { for f in "$@"; do w=$(od -An -tu1 -j16 -N4 "$f" | awk "{print \$1*16777216+\$2*65536+\$3*256+\$4}"); [ "$w" -le 1920 ] || { echo "$f $w"; exit 1; }; done; }; narrow "$0"/prov/*.png' "$TMP"
check "... each holds its province's cluster" sh -c '
	for f in "$0"/provdot/*.dot; do
		s=$(basename "$f" .dot); [ "$s" = national ] && continue
		grep -q "subgraph \"cluster_$s\"" "$f" || { echo "$f"; exit 1; }
	done' "$TMP"
check "'%s' with a format that is not a diagram is an error" exit_is 1 "$YTEGRAPH" build -q -o "$TMP/x/%s.ttl" "$EX"

# ---- filters drop the nodes they leave isolated ----
"$YTEGRAPH" build -q -o "$TMP/g.ttl" "$EX"
check "--relation mergedInto draws only the units of the mergers" sh -c '
	"$0" build -q --relation mergedInto -o "$1/m.dot" "$2" || exit 1
	want=$(grep -c "ytg:mergedInto" "$1/g.ttl")
	got=$(grep -c "^[[:space:]]*\"https://[^\"]*\"[[:space:]]*\[" "$1/m.dot")
	echo "nodes: $got, mergedInto statements: $want"
	[ "$got" -gt 0 ] && [ "$got" -le $((2 * want)) ] && ! grep -q "/hospital/" "$1/m.dot"' "$YTEGRAPH" "$TMP" "$EX"
check "--type Official,GovernmentBody draws no official without a body" sh -c '
	"$0" build -q --type Official,GovernmentBody -o "$1/t.dot" "$2" || exit 1
	for o in $(grep -o "^[[:space:]]*\"https://[^\"]*/official/[^\"]*\"" "$1/t.dot" | tr -d " \t\""); do
		grep -q "\"$o\" -> " "$1/t.dot" || { echo "isolated: $o"; exit 1; }
	done' "$YTEGRAPH" "$TMP" "$EX"

# ---- edge labels only where they can be read ----
check "a view of more than 150 nodes has no edge labels" sh -c '
	"$0" build -q --jsonl --layout sfdp -o "$1/big.dot" "$1/gen.jsonl" || exit 1
	n=$(grep -c "^[[:space:]]*\"https://[^\"]*\"[[:space:]]*\[" "$1/big.dot"); echo "$n nodes"
	[ "$n" -gt 150 ] && ! grep -q "xlabel=\"[^\"]" "$1/big.dot"' "$YTEGRAPH" "$TMP"
check "the samples keep theirs" grep -q 'xlabel="Giám đốc · 2024"' "$TMP/ex.dot"
finish
