#!/bin/sh
# run.sh — build the fuzzers, seed their corpora and run each for a while.
#
#   fuzz/run.sh [SECONDS]      default 60 seconds per harness
#
# Environment:
#   FUZZERS      which harnesses (default "fuzz_extract fuzz_writers fuzz_jsonl")
#   KEEP_GOING=1 run in libFuzzer's fork mode (-fork=1 -ignore_crashes=1):
#                collect every crash instead of stopping at the first
#   FUZZ_ARGS    extra libFuzzer flags (e.g. -jobs=2 -workers=2)
#   NO_BUILD=1   do not run fuzz/build.sh first
#   (and build.sh's CC, BUILDDIR, EXTRA_CFLAGS)
#
# Corpora grow in fuzz/corpus/<harness>/ (not meant for git); crashes go to
# fuzz/artifacts/.  Files in fuzz/regressions/<harness>/ are replayed first
# and must all pass.  Seeds: examples/*.txt, ../shared/seeds/*.txt when
# that folder exists, and fuzz/seeds/<harness>/.
#
# Exit status: 0 when no harness crashed, 1 otherwise.
set -u

SECONDS_EACH=${1:-60}
FUZZ=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$FUZZ/.." && pwd)
BIN=${OUT:-$FUZZ/build}
FUZZERS=${FUZZERS:-"fuzz_extract fuzz_writers fuzz_jsonl"}
export YTEGRAPH_DATADIR="${YTEGRAPH_DATADIR:-$TOP/ontology}"
# leaks are reported as crashes; abort on UBSan findings too
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

if [ -z "${NO_BUILD:-}" ]; then
	"$FUZZ/build.sh" || exit 1
fi

mkdir -p "$FUZZ/artifacts" "$FUZZ/logs"

# ---- seeds ----
seed_extract() {
	c="$FUZZ/corpus/fuzz_extract"
	mkdir -p "$c"
	for f in "$TOP"/examples/*.txt "$TOP"/../shared/seeds/*.txt "$FUZZ"/seeds/fuzz_extract/*; do
		[ -f "$f" ] && cp "$f" "$c/seed-$(basename "$f")"
	done
}

# Writer input: NUL-separated chunks, each a control byte and a label (see
# fuzz_writers.c).  Seed with lines of the example articles as labels.
seed_writers() {
	c="$FUZZ/corpus/fuzz_writers"
	mkdir -p "$c"
	for f in "$TOP"/examples/*.txt; do
		[ -f "$f" ] || continue
		python3 - "$f" "$c/seed-$(basename "$f" .txt)" <<'EOF' 2>/dev/null || true
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
out = bytearray(b"\x00" + b"doc")          # control + article id
for i, l in enumerate(lines[:24]):
    ctl = (i % 6) | (8 if i % 3 == 1 else 0) | ((i % 5) << 4)
    out += b"\x00" + bytes([ctl]) + l[:120].encode("utf-8")
open(sys.argv[2], "wb").write(bytes(out))
EOF
	done
	for f in "$FUZZ"/seeds/fuzz_writers/*; do
		[ -f "$f" ] && cp "$f" "$c/seed-$(basename "$f")"
	done
}

# JSON Lines records: the seeds kept in the repository (examples as records,
# hostile metadata).
seed_jsonl() {
	c="$FUZZ/corpus/fuzz_jsonl"
	mkdir -p "$c"
	for f in "$FUZZ"/seeds/fuzz_jsonl/*; do
		[ -f "$f" ] && cp "$f" "$c/seed-$(basename "$f")"
	done
}

# ---- replay regressions ----
status=0
for h in $FUZZERS; do
	r="$FUZZ/regressions/$h"
	if [ -d "$r" ] && [ -n "$(ls -A "$r" 2>/dev/null)" ]; then
		if "$BIN/$h" -runs=1 "$r"/* >"$FUZZ/logs/$h-regressions.log" 2>&1; then
			echo "$h: $(ls "$r" | wc -l) regression input(s) pass"
		else
			echo "$h: a regression input FAILS (see fuzz/logs/$h-regressions.log)"
			status=1
		fi
	fi
done

# ---- fuzz ----
printf '%-14s %8s %12s %10s %8s %7s\n' harness seconds executions exec/s corpus crashes
for h in $FUZZERS; do
	case $h in
	fuzz_extract) seed_extract; maxlen=16384 ;;
	fuzz_writers) seed_writers; maxlen=4096 ;;
	fuzz_jsonl) seed_jsonl; maxlen=4096 ;;
	*) maxlen=4096 ;;
	esac
	dict=""
	[ -f "$FUZZ/$h.dict" ] && dict="-dict=$FUZZ/$h.dict"
	mode=""
	[ -n "${KEEP_GOING:-}" ] && mode="-fork=1 -ignore_crashes=1"
	before=$(ls "$FUZZ/artifacts" | grep -c "^$h-" || true)
	log="$FUZZ/logs/$h.log"
	# shellcheck disable=SC2086
	"$BIN/$h" -max_total_time="$SECONDS_EACH" -max_len=$maxlen -timeout=10 -rss_limit_mb=4096 \
		-print_final_stats=1 -artifact_prefix="$FUZZ/artifacts/$h-" $dict $mode ${FUZZ_ARGS:-} \
		"$FUZZ/corpus/$h" >"$log" 2>&1
	rc=$?
	after=$(ls "$FUZZ/artifacts" | grep -c "^$h-" || true)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	if [ -z "$execs" ]; then # fork mode, or stopped by a crash: last status line
		last=$(grep -E '^#[0-9]+' "$log" | tail -1)
		execs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
		# the status line's exec/s is the current rate: report the average
		[ -n "$execs" ] && rate=$((execs / SECONDS_EACH))
	fi
	corpus=$(ls "$FUZZ/corpus/$h" | wc -l)
	crashes=$((after - before))
	printf '%-14s %8s %12s %10s %8s %7s\n' "$h" "$SECONDS_EACH" "${execs:-?}" "${rate:-?}" "$corpus" "$crashes"
	if [ $rc -ne 0 ] || [ $crashes -gt 0 ]; then
		status=1
		echo "  $h exited $rc; log: fuzz/logs/$h.log"
		grep -E '^(SUMMARY|==[0-9]+==ERROR|fuzz_[a-z]+: )|runtime error' "$log" | head -5 | sed 's/^/  /'
		ls -t "$FUZZ/artifacts" | grep "^$h-" | head -5 | sed "s|^|  artifact: fuzz/artifacts/|"
	fi
done
# ---- strict parsers over what the JSON Lines corpus makes ----
case " $FUZZERS " in
*" fuzz_jsonl "*)
	if [ -x "$TOP/ytegraph" ]; then
		"$FUZZ/check_outputs.sh" "$FUZZ/corpus/fuzz_jsonl" || status=1
	else
		echo "run.sh: no built ytegraph at the top of the tree: outputs not checked with the strict parsers"
	fi ;;
esac
[ $status -eq 0 ] && echo "run.sh: no crashes" || echo "run.sh: crashes found (minimize with: fuzz/build/HARNESS -minimize_crash=1 -runs=10000 ARTIFACT)"
exit $status
