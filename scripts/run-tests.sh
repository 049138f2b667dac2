#!/bin/sh
# Command 2 of the README (and CI): set up, build, run the whole test
# suite, and end with the line "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
sh scripts/setup-debian.sh --tests || exit 1
sh scripts/build.sh || exit 1
make -s -j2 check >/dev/null 2>&1
status=$?
# Show what failed, with its log.
for log in tests/*.log; do
	[ -f "$log" ] || continue
	case "$log" in */test-suite.log) continue ;; esac
	if grep -q '^not ok' "$log" && ! grep -q '^not ok.*# TODO' "$log"; then
		echo "== $log"
		grep -v '^ok' "$log" | head -40
	fi
done
grep -h '^# \(SKIP\|skip\)\|# SKIP' tests/*.log 2>/dev/null | sed 's/^/skipped: /' | head -20
sh scripts/test-summary.sh . || status=1
exit $status
