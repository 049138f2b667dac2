#!/bin/sh
# Print the failing test cases of one or more build trees: for each test
# log with a failure, its name, then every "not ok" line (known gaps
# marked TODO excepted) with the diagnostic lines under it; for a test
# script that stopped without finishing its plan, the end of its log.
# Exit status 1 when something failed.
[ $# -gt 0 ] || set -- .
found=0
for dir in "$@"; do
	for trs in $(find "$dir/tests" -name '*.trs' 2>/dev/null | sort); do
		grep -q '^:test-result: \(FAIL\|ERROR\|XPASS\)' "$trs" || continue
		found=1
		log=${trs%.trs}.log
		echo "== $log"
		awk '
			/^(ok|not ok)[ \t]/ { show = ($0 ~ /^not ok/ && $0 !~ /# TODO/) }
			/^1\.\.[0-9]+/ { show = 0 }
			show' "$log"
		if grep -q '^:test-result: ERROR' "$trs" && ! grep -q '^:test-result: FAIL' "$trs"; then
			echo "-- $(basename "$log") stopped with an error; its last lines:"
			tail -n 15 "$log"
		fi
	done
done
[ $found -eq 0 ]
