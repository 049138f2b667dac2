#!/bin/sh
# valgrind memcheck on the sample run: no invalid access, nothing definitely
# lost by ytegraph.  Leaks inside graphviz and fontconfig (allocated by the
# libraries, at exit) are suppressed by fuzz/valgrind.supp.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
if ! command -v valgrind >/dev/null 2>&1; then
	skip "valgrind memcheck" "valgrind is not installed"
elif [ "${YG_SANITIZERS:-no}" = "yes" ]; then
	skip "valgrind memcheck" "this is a sanitizer build (ASan and valgrind do not mix)"
else
	check "valgrind: build of the sample articles, 0 errors, 0 bytes definitely lost" \
		valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
		--suppressions="$top_srcdir/fuzz/valgrind.supp" \
		"$YTEGRAPH" build -q -o "$TMP/v.ttl" -o "$TMP/v.nq" -o "$TMP/v.png" -o "$TMP/v.svg" -o "$TMP/v.tsv" "$EX"
	check "valgrind: extract of the sample articles" \
		valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
		--suppressions="$top_srcdir/fuzz/valgrind.supp" "$YTEGRAPH" extract -j 2 "$EX"
fi
finish
