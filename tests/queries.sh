#!/bin/sh
# The example SPARQL queries (queries/*.rq) in Oxigraph, the reference
# store (npm package pinned in scripts/oxigraph/): each returns exactly the
# rows of tests/data/queries-expected/NAME.csv over the Turtle, over the
# union of the N-Quads graphs and over streamed N-Quads.  The sample graph
# is built from examples/; heads-by-province runs over a graph written by
# tests/unit_rdf from documents built by hand (heads and start dates are
# filled by the extraction only when an article states them).  rasqal's
# roqet runs the queries it can over the Turtle and must agree; it is not
# the reference (0.9.33 returns wrong rows when a triple is repeated, and
# has no property paths).
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
Q="$top_srcdir/queries"
EXP="$top_srcdir/tests/data/queries-expected"
OX="$top_srcdir/scripts/oxigraph"
UNIT_RDF="$top_builddir/tests/unit_rdf"

# Queries roqet 0.9.33 cannot run (property paths).
ROQET_CANNOT="heads-by-province"

if ! command -v node >/dev/null 2>&1 || [ ! -d "$OX/node_modules/oxigraph" ]; then
	skip "example SPARQL queries in Oxigraph" "run scripts/setup-debian.sh --tests (node and npm oxigraph)"
	finish
	exit $?
fi

check "build the sample graph (Turtle, N-Quads)" "$YTEGRAPH" build -q -o "$TMP/g.ttl" -o "$TMP/g.nq" "$EX"
check "build it streamed on two threads" "$YTEGRAPH" build -q --stream -j 2 -o "$TMP/gs.nq" "$EX"
check "write the hand-made graph of heads" "$UNIT_RDF" --write "$TMP"

# data NAME KIND: the file query NAME runs over (KIND ttl, nq or stream).
data() {
	case "$1:$2" in
	heads-by-province:ttl) echo "$TMP/heads.ttl" ;;
	heads-by-province:*) echo "$TMP/heads.nq" ;;
	*:ttl) echo "$TMP/g.ttl" ;;
	*:nq) echo "$TMP/g.nq" ;;
	*:stream) echo "$TMP/gs.nq" ;;
	esac
}

# oxigraph NAME KIND: the CSV rows of queries/NAME.rq, LF line endings.
oxigraph() {
	u=""
	[ "$2" = ttl ] || u=--union
	node "$OX/sparql.mjs" query $u "$Q/$1.rq" "$(data "$1" "$2")" >"$TMP/$1.$2.raw" || return 1
	tr -d '\r' <"$TMP/$1.$2.raw" >"$TMP/$1.$2.csv"
}

roqet_rows() {
	roqet -q -W 0 -i sparql -F turtle -D "$(data "$1" ttl)" -r csv -e "$(cat "$Q/$1.rq")" >"$TMP/$1.roqet.raw" || return 1
	tr -d '\r' <"$TMP/$1.roqet.raw" >"$TMP/$1.roqet.csv"
}

# same_rows NAME KIND: the result equals the expected file (a diff when not).
same_rows() {
	tr -d '\r' <"$EXP/$1.csv" >"$TMP/$1.want"
	diff -u "$TMP/$1.want" "$TMP/$1.$2.csv"
}

# order_covers_select FILE: the ORDER BY clause names every variable the
# SELECT clause projects (a plain ?v, or the ?v of "(… AS ?v)"), so results
# come in the same order from any store.
order_covers_select() {
	sel=$(sed -n 's/^SELECT //p' "$1" | sed 's/([^()]*([^()]*)[^()]* AS \(?[A-Za-z0-9_]*\))/\1/g' |
		grep -o '?[A-Za-z0-9_]*' | sort -u)
	ord=$(sed -n 's/^ORDER BY //p' "$1" | grep -o '?[A-Za-z0-9_]*' | sort -u)
	[ -n "$sel" ] || { echo "no SELECT line"; return 1; }
	[ "$sel" = "$ord" ] || { echo "SELECT: $sel"; echo "ORDER BY: $ord"; return 1; }
}

found=0
for f in "$Q"/*.rq; do
	[ -e "$f" ] || continue
	found=$((found + 1))
	n=$(basename "$f" .rq)
	if [ ! -f "$EXP/$n.csv" ]; then
		ok 1 "$n.rq has an expected result in tests/data/queries-expected/"
		continue
	fi
	for kind in ttl nq stream; do
		case $kind in
		ttl) what="the Turtle" ;;
		nq) what="the union of the N-Quads graphs" ;;
		stream) what="streamed N-Quads (-j 2)" ;;
		esac
		check "$n.rq runs in Oxigraph over $what" oxigraph "$n" $kind
		check "... and returns the expected rows" same_rows "$n" $kind
	done
	case " $ROQET_CANNOT " in
	*" $n "*) ;;
	*)
		if command -v roqet >/dev/null 2>&1; then
			check "$n.rq runs in roqet over the Turtle" roqet_rows "$n"
			check "... with the same rows as Oxigraph" diff -u "$TMP/$n.ttl.csv" "$TMP/$n.roqet.csv"
		fi
		;;
	esac
	check "$n.rq has a header comment in English and Vietnamese" \
		sh -c 'grep -q "^# EN:" "$0" && grep -q "^# VI:" "$0"' "$f"
	check "$n.rq orders by every selected variable" order_covers_select "$f"
	check "$n.rq comments paste into isql (no ; or ' in them)" sh -c '! grep -n "^#.*[;'"'"']" "$0"' "$f"
done
check "the six example queries are there" test "$found" -ge 6
# A query that silently matches nothing would pass the comparison if its
# expected file were empty too: every expected result has rows.
for f in "$EXP"/*.csv; do
	n=$(basename "$f" .csv)
	check "expected $n.csv has a header and at least one row" test "$(tr -d '\r' <"$f" | wc -l)" -ge 2
done

# A larger corpus (the development articles beside this tree, when they
# are there): an entity several articles name, a label each, must still be
# one row, so every query gives the same rows over the Turtle and over the
# union of the N-Quads graphs.
DEV="$SHARED/eval/dev/docs"
if [ -d "$DEV" ]; then
	"$YTEGRAPH" build -q -o "$TMP/dev.ttl" -o "$TMP/dev.nq" "$DEV" 2>/dev/null
	for f in "$Q"/*.rq; do
		n=$(basename "$f" .rq)
		check "$n.rq: the same rows over the Turtle and the N-Quads union of the development corpus" sh -c '
			node "$0/sparql.mjs" query "$1" "$2/dev.ttl" >"$2/a.csv" &&
			node "$0/sparql.mjs" query --union "$1" "$2/dev.nq" >"$2/b.csv" &&
			diff -u "$2/a.csv" "$2/b.csv"' "$OX" "$f" "$TMP"
	done
else
	skip "queries over the development corpus" "$DEV is not there"
fi
finish
