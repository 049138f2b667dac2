#!/bin/sh
# compare.sh REFERENCE_BINARY [BINARY] — are two builds' outputs byte for
# byte the same?  For optimisations that must not change what comes out:
# extract (JSON Lines, and text with --explain) over the dev corpus, the
# seeds and the examples, and every output format of `build` over those
# and a generated corpus, -j 1 and -j 2, with and without --stream.
# BINARY defaults to ./ytegraph.  Exit 0 when all match; lists what differs.
# Both binaries read their own data (--data-dir is not passed): build the
# reference from a commit with the same ontology/ when that matters.
set -u
REF=$1
NEW=${2:-./ytegraph}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$HERE")
SHARED=$TOP/../shared
W=$(mktemp -d "${TMPDIR:-/tmp}/yg-compare.XXXXXX")
trap 'rm -rf "$W"' EXIT
CORPUS=${COMPARE_CORPUS:-/tmp/ytegraph-bench/compare-2.jsonl}
[ -f "$CORPUS" ] || { mkdir -p "$(dirname "$CORPUS")" && python3 "$HERE/gen_corpus.py" 2 "$CORPUS" >/dev/null; }
DISTINCT=/tmp/ytegraph-bench/compare-distinct.jsonl
[ -f "$DISTINCT" ] || python3 "$HERE/gen_corpus.py" 1 "$DISTINCT" --seed 7 --distinct-entities >/dev/null

fails=0
# same LABEL ARGS...: run both binaries with ARGS (OUT in an argument is
# replaced by a file of each run's own) and compare standard output and
# the files written
same() {
	label=$1
	shift
	for who in ref new; do
		bin=$REF
		[ $who = new ] && bin=$NEW
		mkdir -p "$W/$who"
		args=""
		for a in "$@"; do
			args="$args '$(printf %s "$a" | sed "s|OUT|$W/$who/out|g; s|'|'\\\\''|g")'"
		done
		eval "\"$bin\" $args" >"$W/$who/stdout" 2>"$W/$who/stderr"
		echo $? >"$W/$who/rc"
	done
	if [ "$(cat "$W/ref/rc")" != 0 ]; then
		echo "NOTE: $label: the reference exits $(cat "$W/ref/rc"): $(head -c 300 "$W/ref/stderr")"
	fi
	if diff -r -q "$W/ref" "$W/new" >/dev/null; then
		echo "same: $label"
	else
		echo "DIFFERENT: $label"
		diff -r "$W/ref" "$W/new" | head -10
		fails=$((fails + 1))
	fi
	rm -rf "$W/ref" "$W/new"
}

DEV=$(ls "$SHARED"/eval/dev/docs/*.txt)
SEEDS=$(ls "$SHARED"/seeds/*.txt 2>/dev/null)
EX=$(ls "$TOP"/examples/*.txt)
same "extract dev" extract --format jsonl $DEV
same "extract dev --explain" extract --explain $DEV
same "extract seeds" extract --format jsonl $SEEDS
same "extract examples" extract --format jsonl $EX
same "extract corpus -j1" extract -q --jsonl -j 1 "$CORPUS"
same "extract corpus -j2" extract -q --jsonl -j 2 "$CORPUS"
same "extract distinct" extract -q --jsonl "$DISTINCT"
for set in dev corpus distinct; do
	case $set in
	dev) in="$DEV" ; j= ;;
	corpus) in="--jsonl $CORPUS" ;;
	distinct) in="--jsonl $DISTINCT" ;;
	esac
	# shellcheck disable=SC2086
	same "build $set all formats" build -q -o OUT.ttl -o OUT.nt -o OUT.nq -o OUT.rdf -o OUT.tsv -o OUT.csv -o OUT.jsonl -o OUT.txt -o OUT.dot $in
	# shellcheck disable=SC2086
	same "build $set -j2 .ttl .nq" build -q -j 2 -o OUT.ttl -o OUT.nq $in
	# shellcheck disable=SC2086
	same "build $set --stream -j1" build -q --stream -j 1 -o OUT.nq $in
	# shellcheck disable=SC2086
	same "build $set --stream -j2" build -q --stream -j 2 -o OUT.nq $in
	# shellcheck disable=SC2086
	same "entities $set" entities -q --format tsv $in
done
same "build stdout turtle" build -q $EX
echo "$fails difference(s)"
[ $fails -eq 0 ]
