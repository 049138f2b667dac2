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
	check "$n.rq orders its results" grep -q '^ORDER BY' "$f"
done
check "the five example queries are there" test "$found" -ge 5
# A query that silently matches nothing would pass the comparison if its
# expected file were empty too: every expected result has rows.
for f in "$EXP"/*.csv; do
	n=$(basename "$f" .csv)
	check "expected $n.csv has a header and at least one row" test "$(tr -d '\r' <"$f" | wc -l)" -ge 2
done
finish
