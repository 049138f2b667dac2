#!/bin/sh
# A release: `make distdir` packed and unpacked elsewhere must hold all
# that command 2 needs.  In the unpacked tree: the test set-up (npm ci of
# the SHACL validator and Oxigraph from their lockfiles), configure with a
# prefix of its own, make, make check, make check-slow (without this test),
# make install; then the installed program reads its installed data, not
# the unpacked tree it was built in.  Skipped inside itself and under the
# sanitizers (the packaging is the same).
. "$(dirname "$0")/lib.sh"
if [ -n "${YG_IN_DIST_TEST:-}" ] || { [ -n "${YG_SANITIZERS:-}" ] && [ "$YG_SANITIZERS" != no ]; }; then
	skip "the release tarball" "inside the release test itself, or under sanitizers"
	finish
	exit $?
fi
if ! command -v npm >/dev/null 2>&1; then
	skip "the release tarball" "npm is not installed"
	finish
	exit $?
fi
# The nested runs must not inherit this run's make variables (TESTS=...)
# nor run this test again.
unset MAKEFLAGS MFLAGS TESTS
YG_IN_DIST_TEST=1
export YG_IN_DIST_TEST
D="$TMP/ytegraph-dist"
check "make distdir" make -s -C "$top_builddir" distdir="$D" distdir
check "... packed and unpacked elsewhere" sh -c '
	(cd "$(dirname "$0")" && tar czf rel.tar.gz "$(basename "$0")") && mkdir "$1" && tar xzf "$(dirname "$0")/rel.tar.gz" -C "$1"' "$D" "$TMP/unpacked"
U="$TMP/unpacked/ytegraph-dist"
for f in tests/shacl/package-lock.json scripts/oxigraph/package-lock.json LICENSE doc/ytegraph.1.in \
	scripts/merge-nquads.py scripts/dask-build.py tests/fixtures/partial-date-prefix.txt; do
	check "it ships $f" test -f "$U/$f"
done
check "... and no node_modules" sh -c '! find "$0" -name node_modules | grep -q .' "$U"
check "the test set-up installs the npm packages from the lockfiles" sh -c '
	cd "$0/tests/shacl" && npm ci --no-audit --no-fund --silent --prefer-offline &&
	cd "$0/scripts/oxigraph" && npm ci --no-audit --no-fund --silent --prefer-offline' "$U"
check "configure --prefix and make" sh -c 'cd "$0" && ./configure -q --prefix="$1" && make -s -j2 >/dev/null' "$U" "$TMP/inst"
check "make check" sh -c 'cd "$0" && make -s -j2 check >/dev/null 2>&1 || { sh scripts/show-failures.sh .; exit 1; }' "$U"
check "make check-slow (this test skipped inside)" sh -c '
	cd "$0" && make -s check-slow >/dev/null 2>&1 || { sh scripts/show-failures.sh .; exit 1; }' "$U"
check "make install" sh -c 'cd "$0" && make -s install >/dev/null' "$U"
I="$TMP/inst"
check "the installed ytegraph runs on its installed data" env -u YTEGRAPH_DATADIR "$I/bin/ytegraph" extract "$top_srcdir/examples/01-ha-noi-benh-vien-ve-tinh.txt"
# spoil the installed gazetteer: the installed program must fail on it,
# though the unpacked tree it was built from is still there
echo 'this is not Turtle <' >>"$I/share/ytegraph/provinces.ttl"
check "it reads \$(datadir)/ytegraph, never the tree it was built in" sh -c '
	env -u YTEGRAPH_DATADIR "$0" extract "$1" >/dev/null 2>"$2/err"; rc=$?; cat "$2/err"
	[ $rc -eq 1 ] && grep -q "$3/share/ytegraph/provinces.ttl" "$2/err"' \
	"$I/bin/ytegraph" "$top_srcdir/examples/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP" "$I"
check "its man page names that folder" grep -q "$I/share/ytegraph" "$I/share/man/man1/ytegraph.1"
finish
