#!/bin/sh
# The example SPARQL queries (queries/*.rq) over the sample graph: each one
# parses and runs in rasqal's roqet and returns exactly the rows in
# tests/data/queries-expected/NAME.csv (line endings normalised).
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
Q="$top_srcdir/queries"
EXP="$top_srcdir/tests/data/queries-expected"
G="$TMP/g.ttl"

if ! command -v roqet >/dev/null 2>&1; then
	skip "example SPARQL queries" "roqet is not installed (Debian package rasqal-utils)"
	finish
	exit $?
fi

check "build the sample graph" "$YTEGRAPH" build -q -o "$G" "$EX"

# run_query NAME: the CSV result of queries/NAME.rq over $G, LF line endings.
run_query() {
	roqet -q -W 0 -i sparql -F turtle -D "$G" -r csv -e "$(cat "$Q/$1.rq")" >"$TMP/$1.raw" || return 1
	tr -d '\r' <"$TMP/$1.raw" >"$TMP/$1.csv"
}

# same_rows NAME: the result equals the expected file (a diff when not).
same_rows() {
	tr -d '\r' <"$EXP/$1.csv" >"$TMP/$1.want"
	diff -u "$TMP/$1.want" "$TMP/$1.csv"
}

# order_covers_select FILE: the ORDER BY clause names every variable of the
# SELECT clause, so results come in the same order from any store.
order_covers_select() {
	sel=$(sed -n 's/^SELECT //p' "$1" | grep -o '?[A-Za-z0-9_]*' | sort -u)
	ord=$(sed -n 's/^ORDER BY //p' "$1" | grep -o '?[A-Za-z0-9_]*' | sort -u)
	[ -n "$sel" ] || { echo "no SELECT line"; return 1; }
	[ "$sel" = "$ord" ] || { echo "SELECT: $sel"; echo "ORDER BY: $ord"; return 1; }
}

found=0
for f in "$Q"/*.rq; do
	[ -e "$f" ] || continue
	found=$((found + 1))
	n=$(basename "$f" .rq)
	check "$n.rq runs in roqet" run_query "$n"
	if [ -f "$EXP/$n.csv" ]; then
		check "$n.rq returns the expected rows" same_rows "$n"
	else
		ok 1 "$n.rq has an expected result in tests/data/queries-expected/"
	fi
	check "$n.rq has a header comment in English and Vietnamese" \
		sh -c 'grep -q "^# EN:" "$0" && grep -q "^# VI:" "$0"' "$f"
	check "$n.rq orders by every selected variable" order_covers_select "$f"
	check "$n.rq comments paste into isql (no ; or ' in them)" sh -c '! grep -n "^#.*[;'"'"']" "$0"' "$f"
done
check "the five example queries are there" test "$found" -ge 5
# A query that silently matches nothing would pass the comparison if its
# expected file were empty too: every expected result has rows.
for f in "$EXP"/*.csv; do
	n=$(basename "$f" .csv)
	check "expected $n.csv has a header and at least one row" test "$(tr -d '\r' <"$f" | wc -l)" -ge 2
done
finish
