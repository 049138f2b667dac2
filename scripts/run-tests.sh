#!/bin/sh
# Command 2 of the README (and CI): set up, build, run the whole test suite
# (including valgrind on the sample run), then build again with
# AddressSanitizer and UndefinedBehaviorSanitizer and run the suite once
# more, and with ThreadSanitizer for the thread tests; end with the line
# "N passed, N failed, N skipped" over all runs.
# SKIP_SANITIZERS=1 leaves out the sanitizer runs (ASan + UBSan over the
# whole suite, ThreadSanitizer over the thread tests).
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
sh scripts/setup-debian.sh --tests || exit 1
sh scripts/build.sh || exit 1

show_failures() { # show_failures DIR: the failing cases, with their diagnostics
	sh "$top/scripts/show-failures.sh" "$1" || true
}

echo "== make check"
make -s -j2 check >/dev/null 2>&1
status=$?
echo "== make check-slow"
make -s -j2 check-slow >/dev/null 2>&1 || status=1
show_failures .
grep -h '# SKIP' tests/*.log 2>/dev/null | sed 's/^/skipped: /' | sort -u | head -20
dirs=.

# The sources, unconfigured, into DEST (so that automake allows another
# configuration there), with the npm validator linked in.
copy_sources() { # copy_sources DEST
	mkdir -p "$1"
	if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$top" ls-files -z --cached --others --exclude-standard | (cd "$top" && xargs -0 tar cf -) | tar xf - -C "$1"
	else
		(cd "$top" && tar cf - --exclude=./build-aux --exclude='*.o' .) | tar xf - -C "$1"
	fi
	[ -d "$top/tests/shacl/node_modules" ] && ln -s "$top/tests/shacl/node_modules" "$1/tests/shacl/node_modules"
	return 0
}

if [ "${SKIP_SANITIZERS:-0}" != 1 ]; then
	# Both trees sit beside the same shared/ folder as this one.
	san=$(mktemp -d "${TMPDIR:-/tmp}/ytegraph-san.XXXXXX")
	trap 'rm -rf "$san"' EXIT
	[ -d "$top/../shared" ] && ln -s "$(cd "$top/../shared" && pwd)" "$san/shared"
	copy_sources "$san/main"
	echo "== make check under ASan + UBSan ($san/main)"
	( cd "$san/main" && ./autogen.sh >/dev/null 2>&1 && ./configure -q --enable-sanitizers &&
	  make -s -j2 >/dev/null && make -s -j2 check >/dev/null 2>&1 &&
	  make -s -j2 check-slow >/dev/null 2>&1 )
	san_status=$?
	show_failures "$san/main"
	[ $san_status -eq 0 ] || status=1
	dirs="$dirs $san/main"

	# The thread tests once more under ThreadSanitizer: a data race
	# between document threads ends the run (exit 66) and fails a check.
	copy_sources "$san/tsan"
	echo "== threads under ThreadSanitizer ($san/tsan)"
	( cd "$san/tsan" && ./autogen.sh >/dev/null 2>&1 && ./configure -q --enable-sanitizers=thread &&
	  make -s -j2 >/dev/null && TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
	  make -s check TESTS="tests/scale.sh" >/dev/null 2>&1 )
	tsan_status=$?
	show_failures "$san/tsan"
	[ $tsan_status -eq 0 ] || status=1
	dirs="$dirs $san/tsan"
fi

sh scripts/test-summary.sh $dirs || status=1
exit $status
