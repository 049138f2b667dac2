#!/bin/sh
# Install and release: where the data is read from, the man page, the
# licence, and the test runner's report of failures.  (tests/dist.sh, in
# check-slow, builds, installs and tests from a `make dist` tarball.)
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples/01-ha-noi-benh-vien-ve-tinh.txt"
MAN="$top_builddir/doc/ytegraph.1"

# ---- the data folder ----
check "YTEGRAPH_DATADIR naming no folder is an error (exit 1)" exit_is 1 \
	env YTEGRAPH_DATADIR="$TMP/nowhere" "$YTEGRAPH" extract "$EX"
check "... whose message gives the path" stderr_has "$TMP/nowhere"
check "the program in its build tree reads the sources' ontology/ without YTEGRAPH_DATADIR" \
	env -u YTEGRAPH_DATADIR "$YTEGRAPH" extract "$EX"
# A copy of the program outside the build tree is what `make install`
# makes: it must read $(pkgdatadir), never the sources it was built from.
pkgdatadir=$(sed -n '/^\.SH FILES/,/^\.SH/{s/^\.I \(.*\)\/$/\1/p}' "$MAN")
check "the man page names the configured data folder" test -n "$pkgdatadir"
mkdir -p "$TMP/bin"
cp "$YTEGRAPH" "$TMP/bin/ytegraph"
if [ -d "$pkgdatadir" ]; then
	skip "a copy outside the build tree does not read the sources" "$pkgdatadir exists (ytegraph is installed here)"
else
	check "a copy outside the build tree reads $pkgdatadir, not the sources (exit 1: not installed)" \
		exit_is 1 env -u YTEGRAPH_DATADIR "$TMP/bin/ytegraph" extract "$EX"
	check "... and says which file it looked for" stderr_has "$pkgdatadir/provinces.ttl"
fi

# ---- the man page ----
check "the man page renders without troff warnings (groff -ww)" sh -c '
	out=$(groff -ww -man -z "$0" 2>&1); [ -z "$out" ] || { echo "$out"; exit 1; }' "$MAN"
for section in NAME SYNOPSIS OPTIONS "EXIT STATUS" ENVIRONMENT FILES "SEE ALSO" BUGS AUTHORS COPYRIGHT; do
	check "the man page has $section" grep -q "^\\.SH \"*$section\"*\$" "$MAN"
done
check "... ENVIRONMENT documents YTEGRAPH_DATADIR" sh -c 'sed -n "/^\.SH ENVIRONMENT/,/^\.SH/p" "$0" | grep -q YTEGRAPH_DATADIR' "$MAN"
check "... every extension in the text survives (no line starts with a stray dot)" sh -c '
	groff -man -Tutf8 "$0" 2>/dev/null | col -b | tr -s " \n" "  " | grep -q "\.tsv, \.csv, \.jsonl, \.txt"' "$MAN"
if command -v man >/dev/null 2>&1; then
	check "man ./doc/ytegraph.1 shows it" sh -c 'cd "$0" && MANPAGER=cat MANWIDTH=80 man ./doc/ytegraph.1 2>&1 | grep -q "YTEGRAPH_DATADIR"' "$top_builddir"
fi

# ---- licence ----
check "a LICENSE file" test -s "$top_srcdir/LICENSE"
check "... MIT, named in the README" sh -c 'grep -q "MIT License" "$0/LICENSE" && grep -q "MIT" "$0/README.md" && grep -q "LICENSE" "$0/README.md"' "$top_srcdir"
check "... and in the man page" grep -q "MIT" "$MAN"

# ---- the test runner shows the failing cases themselves ----
mkdir -p "$TMP/fake/tests"
{
	i=1
	while [ $i -le 45 ]; do echo "# a comment line $i"; echo "ok $i - case $i"; i=$((i + 1)); done
	echo "not ok 46 - the case that failed"
	echo "#   its diagnostic"
	echo "not ok 47 - a known gap # TODO known gap"
	echo "ok 48 - after it"
	echo "1..48"
} >"$TMP/fake/tests/x.log"
printf ':test-result: PASS\n:test-result: FAIL\n' >"$TMP/fake/tests/x.trs"
sh "$top_srcdir/scripts/show-failures.sh" "$TMP/fake" >"$TMP/shown" 2>&1
check "show-failures.sh exits 1 when a case failed" test $? -eq 1
check "... prints the failing case after 45 comment lines" grep -qx "not ok 46 - the case that failed" "$TMP/shown"
check "... with its diagnostic" grep -qx "#   its diagnostic" "$TMP/shown"
check "... and neither passing cases, comments nor TODO gaps" sh -c '! grep -q "^ok \|a comment line\|known gap" "$0"' "$TMP/shown"
check "scripts/run-tests.sh uses it" grep -q "show-failures.sh" "$top_srcdir/scripts/run-tests.sh"

# ---- the README's closing line is the one the runner prints ----
check "the README's example closing line has the runner's format" sh -c '
	line=$(grep -o "ends with a line such as \"[^\"]*\"" "$0/README.md" | sed "s/.*\"\(.*\)\"/\1/")
	echo "README: $line"
	echo "$line" | grep -Eqx "[0-9]+ passed, 0 failed, [0-9]+ skipped" &&
	grep -q "passed, \$fail failed, \$skip skipped" "$0/scripts/test-summary.sh"' "$top_srcdir"
finish
