#!/bin/sh
# Outputs that the speed work writes its own way must be byte for byte
# what the plain way writes: N-Quads assembled from escaped terms against
# raptor's N-Quads serializer (YTEGRAPH_NQUADS_VIA_RAPTOR=1), streamed and
# not, -j 1 and -j 2, over the examples, a generated corpus with
# distinct names and odd records; Turtle in chunks against one serializer
# for the whole graph; Turtle assembled by src/turtle.c against raptor's
# Turtle serializer (YTEGRAPH_TURTLE_VIA_RAPTOR=1, chunked, and one
# serializer for the whole graph), over the same inputs and odd literals.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
C="$TMP/corpus.jsonl"
"$PY" "$top_srcdir/bench/gen_corpus.py" 0.4 "$C" --seed 3 --distinct-entities >/dev/null

# same DESCRIPTION ARGS...: `build ARGS -o OUT.nq` both ways, the same bytes
# and exit status (messages compared too, so errors stay as they were)
same() {
	_d=$1
	shift
	YTEGRAPH_NQUADS_VIA_RAPTOR=1 "$YTEGRAPH" build -q "$@" -o "$TMP/ref.nq" >"$TMP/ref.out" 2>"$TMP/ref.err"
	echo $? >>"$TMP/ref.out"
	"$YTEGRAPH" build -q "$@" -o "$TMP/new.nq" >"$TMP/new.out" 2>"$TMP/new.err"
	echo $? >>"$TMP/new.out"
	sed "s|$TMP/ref.nq|OUT|g" "$TMP/ref.err" >"$TMP/ref.err2"
	sed "s|$TMP/new.nq|OUT|g" "$TMP/new.err" >"$TMP/new.err2"
	if [ -s "$TMP/ref.nq" ] && cmp -s "$TMP/ref.nq" "$TMP/new.nq" && cmp -s "$TMP/ref.out" "$TMP/new.out" &&
		cmp -s "$TMP/ref.err2" "$TMP/new.err2"; then
		ok 0 "$_d"
	else
		ok 1 "$_d"
		cmp "$TMP/ref.nq" "$TMP/new.nq" 2>&1 | sed 's/^/#   /'
		diff "$TMP/ref.err2" "$TMP/new.err2" | head -5 | sed 's/^/#   /'
	fi
	rm -f "$TMP/ref.nq" "$TMP/new.nq"
}

same "N-Quads of the examples: the same bytes as raptor writes" "$EX"
same "... with --stream" --stream "$EX"
same "N-Quads of a generated corpus, -j 1" --jsonl -j 1 "$C"
same "... -j 2" --jsonl -j 2 "$C"
same "... --stream -j 2" --jsonl --stream -j 2 "$C"
if [ -d "$SHARED/eval/dev/docs" ]; then
	same "N-Quads of the development corpus" --stream "$SHARED/eval/dev/docs"
else
	skip "N-Quads of the development corpus" "no ../shared/eval/dev"
fi
# an URL that is no IRI is left out; control characters and quotes in
# literals; non-ASCII in IRIs (percent-encoded or not, as the slug makes)
printf '%s\n' '{"id": "x\"1", "text": "Giám đốc Bệnh viện Bạch Mai PGS.TS Đào Xuân Cơ cho biết \"tốt\".\n\tBệnh viện Nhi Trung ương", "url": "https://example.org/a b", "title": "T\u0007 \\ x"}' \
	'{"id": "ý-kiến", "text": "Sở Y tế Hà Nội và UBND tỉnh Lào Cai", "date": "2025-02-30"}' >"$TMP/odd.jsonl"
same "odd records: the same bytes and the same messages" --jsonl "$TMP/odd.jsonl"
same "... streamed" --jsonl --stream "$TMP/odd.jsonl"

# Turtle a chunk of subjects at a time, assembled by src/turtle.c and
# through raptor's serializer (YTEGRAPH_TURTLE_VIA_RAPTOR=1), against one
# serializer for the whole graph (YTEGRAPH_TURTLE_WHOLE=1); chunks of 1
# and 3 subjects make small inputs take many, on 1 and 3 threads.  The
# messages and the exit status are compared too.
ttl_same() {
	_d=$1
	shift
	YTEGRAPH_TURTLE_WHOLE=1 "$YTEGRAPH" build -q "$@" -o "$TMP/whole.ttl" >"$TMP/whole.err" 2>&1
	echo $? >>"$TMP/whole.err"
	sed "s|$TMP/whole.ttl|OUT|g" "$TMP/whole.err" >"$TMP/whole.err2"
	_ok=0
	for via in 0 1; do
		for chunk in 1 3 2048; do
			for j in 1 3; do
				YTEGRAPH_TURTLE_VIA_RAPTOR=$via YTEGRAPH_TURTLE_CHUNK=$chunk "$YTEGRAPH" build -q -j $j "$@" \
					-o "$TMP/chunks.ttl" >"$TMP/chunks.err" 2>&1
				echo $? >>"$TMP/chunks.err"
				sed "s|$TMP/chunks.ttl|OUT|g" "$TMP/chunks.err" >"$TMP/chunks.err2"
				if ! cmp -s "$TMP/whole.err2" "$TMP/chunks.err2" ||
					{ [ -e "$TMP/whole.ttl" ] && ! cmp -s "$TMP/whole.ttl" "$TMP/chunks.ttl"; }; then
					_ok=1
					echo "# via raptor $via, chunks of $chunk, -j $j differ"
					cmp "$TMP/whole.ttl" "$TMP/chunks.ttl" 2>&1 | sed 's/^/#   /'
				fi
				rm -f "$TMP/chunks.ttl"
			done
		done
	done
	[ -s "$TMP/whole.ttl" ] || _ok=1
	rm -f "$TMP/whole.ttl"
	ok $_ok "$_d"
}
ttl_same "Turtle of the examples: src/turtle.c and raptor in chunks, the bytes of one serializer" "$EX"
ttl_same "Turtle of a generated corpus with distinct entities" --jsonl "$C"
ttl_same "Turtle of the odd records" --jsonl "$TMP/odd.jsonl"
# literals Turtle writes its own way: quotes, backslashes, newlines (a
# """long string"""), tabs, CR and controls, non-BMP characters, a long
# title; URLs that are prefixed names, rdf:nil ("( )"), or not names
"$PY" - "$TMP/lit.jsonl" <<'PYEOF'
import json, sys
text = "Giám đốc Bệnh viện Bạch Mai PGS.TS Đào Xuân Cơ. Sở Y tế Hà Nội và UBND tỉnh Lào Cai."
titles = ['say "hi" \\ there', 'two\nlines "x"', '"""\n"""', "\n", 'tab\tcr\rbell\u0007 del\u007f',
          "emoji \U0001F600 \U00010000 end", "ends with \\", '"', "x" * 70000 + "\n" + "ệ" * 3000,
          "Ngh\u1ecb quy\u1ebft \"72\"\r\n", "nul?\u0001\u001f"]
urls = ["https://schema.org/Thing", "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil",
        "http://www.wikidata.org/entity/Q1858", "https://schema.org/x.y", "https://schema.org/_x",
        "https://example.org/t\u1ec9nh/\u1ec7", "http://www.w3.org/XML/1998/namespacefoo",
        "https://w3id.org/ytegraph/ontology#Hospital", "https://schema.org/1a", "https://schema.org/a/b",
        "https://example.org/a%20b"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i, t in enumerate(titles):
        rec = {"id": "lit-%d\"\\" % i, "text": text, "title": t, "url": urls[i % len(urls)], "date": "2024-0%d-1%d" % (1 + i % 9, i % 10)}
        f.write(json.dumps(rec, ensure_ascii=i % 2 == 0) + "\n")
PYEOF
ttl_same "Turtle of odd literals and URLs" --jsonl "$TMP/lit.jsonl"
if [ -d "$SHARED/eval/dev/docs" ]; then
	ttl_same "Turtle of the development corpus in chunks" "$SHARED/eval/dev/docs"
else
	skip "Turtle of the development corpus in chunks" "no ../shared/eval/dev"
fi
finish
