#!/bin/sh
# Extraction quality, measured with the project's scorer: on the real
# development articles in ../shared/seeds (when that folder exists) and on
# the sample articles shipped in examples/ with their gold in tests/data.
# Thresholds only go up: each is what the current rules reach, so a
# regression fails here.
. "$(dirname "$0")/lib.sh"
SCORE="$SHARED/eval/score.py"

score_line() { # score_line GOLD PRED ARGS... → last line of the scorer
	"$PY" "$SCORE" "$@" 2>/dev/null | tail -n 1
}

f1_at_least() { # f1_at_least GOLD PRED MIN ARGS...: entity F1 >= MIN
	_g=$1 _p=$2 _min=$3
	shift 3
	_line=$(score_line "$_g" "$_p" "$@")
	echo "# score $*: $_line"
	awk -v l="$_line" -v m="$_min" 'BEGIN { split(l, a, " "); exit !(a[2] + 0 >= m) }'
}

rel_at_least() { # rel_at_least GOLD PRED MIN: relation F1 >= MIN
	_line=$(score_line "$1" "$2" --types all --relations)
	echo "# score relations: $_line"
	awk -v l="$_line" -v m="$3" 'BEGIN { split(l, a, " "); exit !(a[4] + 0 >= m) }'
}

role_at_least() { # role_at_least GOLD PRED MIN: memberOf role accuracy >= MIN
	_line=$("$PY" "$SCORE" "$1" "$2" --types all --relations 2>/dev/null | grep "role accuracy")
	echo "# $_line"
	awk -v l="$_line" -v m="$3" 'BEGIN { n = split(l, a, " "); exit !(a[n] + 0 >= m) }'
}

if [ ! -f "$SCORE" ]; then
	skip "scored extraction" "../shared/eval/score.py not found (the shared folder is not beside the project)"
	finish
	exit $?
fi

# The sample articles shipped with the project.
"$YTEGRAPH" extract "$top_srcdir/examples" >"$TMP/examples.jsonl"
G="$top_srcdir/tests/data/examples-gold.jsonl"
check "examples: Province F1 >= 0.95" f1_at_least "$G" "$TMP/examples.jsonl" 0.95 --types Province
check "examples: entity F1 (all types) >= 0.95" f1_at_least "$G" "$TMP/examples.jsonl" 0.95 --types all
check "examples: relation F1 >= 0.90" rel_at_least "$G" "$TMP/examples.jsonl" 0.90
check "examples: role accuracy >= 0.90" role_at_least "$G" "$TMP/examples.jsonl" 0.90

if [ -d "$SHARED/seeds" ]; then
	"$YTEGRAPH" extract "$SHARED"/seeds/*.txt >"$TMP/seeds.jsonl"
	GS="$SHARED/eval/seeds-gold.jsonl"
	check "seeds: every document scored" sh -c '"$0" "$1" "$2" "$3" | grep -q "missing from pred 0"' "$PY" "$SCORE" "$GS" "$TMP/seeds.jsonl"
	check "seeds: Province F1 >= 0.95" f1_at_least "$GS" "$TMP/seeds.jsonl" 0.95 --types Province
	for t in Official Hospital Resolution GovernmentBody HealthFacility; do
		check "seeds: $t F1 >= 0.95" f1_at_least "$GS" "$TMP/seeds.jsonl" 0.95 --types $t
	done
	check "seeds: entity F1 (all types) >= 0.95" f1_at_least "$GS" "$TMP/seeds.jsonl" 0.95 --types all
	check "seeds: relation F1 >= 0.95" rel_at_least "$GS" "$TMP/seeds.jsonl" 0.95
	check "seeds: role accuracy >= 0.90" role_at_least "$GS" "$TMP/seeds.jsonl" 0.90
else
	skip "seeds: scored extraction" "../shared/seeds not found (development articles are not shipped with the project)"
fi
finish
