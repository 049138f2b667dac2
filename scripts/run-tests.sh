#!/bin/sh
# Command 2 of the README (and CI): set up, build, run the whole test suite
# (including valgrind on the sample run), then build again with
# AddressSanitizer and UndefinedBehaviorSanitizer and run the suite once
# more; end with the line "N passed, N failed, N skipped" over both runs.
# SKIP_SANITIZERS=1 leaves out the second run.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
sh scripts/setup-debian.sh --tests || exit 1
sh scripts/build.sh || exit 1

show_failures() { # show_failures DIR
	for log in "$1"/tests/*.log; do
		[ -f "$log" ] || continue
		case "$log" in */test-suite.log) continue ;; esac
		if grep -q '^not ok' "$log" && grep '^not ok' "$log" | grep -qv '# TODO'; then
			echo "== $log"
			grep -v '^ok' "$log" | head -40
		fi
	done
}

echo "== make check"
make -s -j2 check >/dev/null 2>&1
status=$?
show_failures .
grep -h '# SKIP' tests/*.log 2>/dev/null | sed 's/^/skipped: /' | sort -u | head -20
dirs=.

if [ "${SKIP_SANITIZERS:-0}" != 1 ]; then
	# The sources, unconfigured, beside the same shared/ folder, so that
	# automake allows the second configuration.
	san=$(mktemp -d "${TMPDIR:-/tmp}/ytegraph-san.XXXXXX")
	trap 'rm -rf "$san"' EXIT
	mkdir -p "$san/main"
	[ -d "$top/../shared" ] && ln -s "$(cd "$top/../shared" && pwd)" "$san/shared"
	if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$top" ls-files -z --cached --others --exclude-standard | (cd "$top" && xargs -0 tar cf -) | tar xf - -C "$san/main"
	else
		(cd "$top" && tar cf - --exclude=./build-aux --exclude='*.o' .) | tar xf - -C "$san/main"
	fi
	[ -d "$top/tests/shacl/node_modules" ] && ln -s "$top/tests/shacl/node_modules" "$san/main/tests/shacl/node_modules"
	echo "== make check under ASan + UBSan ($san/main)"
	( cd "$san/main" && ./autogen.sh >/dev/null 2>&1 && ./configure -q --enable-sanitizers &&
	  make -s -j2 >/dev/null && make -s -j2 check >/dev/null 2>&1 )
	san_status=$?
	show_failures "$san/main"
	[ $san_status -eq 0 ] || status=1
	dirs="$dirs $san/main"
fi

sh scripts/test-summary.sh $dirs || status=1
exit $status
