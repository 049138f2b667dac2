#!/bin/sh
# Corpora at scale: JSON Lines input, threads, streaming N-Quads, and the
# scale-out property (shards concatenate to the single-run graph).
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"

# threads give the same output as one thread
"$YTEGRAPH" extract "$EX" >"$TMP/j1.jsonl"
"$YTEGRAPH" extract -j 2 "$EX" >"$TMP/j2.jsonl"
check "extract -j 2 prints exactly what -j 1 prints" cmp "$TMP/j1.jsonl" "$TMP/j2.jsonl"
"$YTEGRAPH" build -q -o "$TMP/a.ttl" -o "$TMP/a.nq" "$EX"
"$YTEGRAPH" build -q -j 3 -o "$TMP/b.ttl" -o "$TMP/b.nq" "$EX"
check "build -j 3 writes byte-identical Turtle" cmp "$TMP/a.ttl" "$TMP/b.ttl"
check "build -j 3 writes byte-identical N-Quads" cmp "$TMP/a.nq" "$TMP/b.nq"
# Turtle rendered in chunks of two subjects on three threads (under
# ThreadSanitizer too: run-tests.sh)
YTEGRAPH_TURTLE_CHUNK=2 "$YTEGRAPH" build -q -j 3 -o "$TMP/c.ttl" "$EX"
check "build -j 3, Turtle in chunks of 2 subjects: byte-identical" cmp "$TMP/a.ttl" "$TMP/c.ttl"
check "bad --jobs is a usage error" exit_is 2 "$YTEGRAPH" extract -j 0 "$EX"

# many articles on many threads at once: shared state would show here (a
# global sort pointer once did)
python3 "$top_srcdir/bench/gen_corpus.py" 2 "$TMP/gen.jsonl" >/dev/null
"$YTEGRAPH" extract -q --jsonl "$TMP/gen.jsonl" >"$TMP/gen1.jsonl"
"$YTEGRAPH" extract -q --jsonl -j 4 "$TMP/gen.jsonl" >"$TMP/gen4.jsonl"
"$YTEGRAPH" build -q --jsonl -o "$TMP/gen1.nq" "$TMP/gen.jsonl"
"$YTEGRAPH" build -q --jsonl -j 4 -o "$TMP/gen4.nq" "$TMP/gen.jsonl"
check "2 MB of generated articles: -j 4 extracts exactly what -j 1 does" sh -c 'test -s "$0" && cmp "$0" "$1"' "$TMP/gen1.jsonl" "$TMP/gen4.jsonl"
check "... and builds the same N-Quads" cmp "$TMP/gen1.nq" "$TMP/gen4.nq"

# streaming
"$YTEGRAPH" build -q --stream -j 2 -o "$TMP/s.nq" "$EX"
check "--stream N-Quads parse" rapper -q -i nquads -c "$TMP/s.nq"
check "--stream gives the same quads as a buffered run" sh -c 'sort "$0" >"$0.s"; sort "$1" >"$1.s"; cmp "$0.s" "$1.s"' "$TMP/s.nq" "$TMP/a.nq"
check "--stream refuses formats that need the whole graph" exit_is 2 "$YTEGRAPH" build --stream -o "$TMP/x.ttl" "$EX"
check "-o -.nq streams to standard output" sh -c '"$0" build -q --stream -o -.nq "$1" | rapper -q -i nquads -c - https://example.org/' "$YTEGRAPH" "$EX"
check "--stream is for build" exit_is 2 "$YTEGRAPH" extract --stream "$EX"
# the stream's entity table past its budget goes to a temporary file in
# runs, merged at the end: a budget of one byte spills after every entity
YTEGRAPH_ENTITY_BUDGET=1 "$YTEGRAPH" build -q --jsonl --stream -j 2 -o "$TMP/runs.nq" "$TMP/gen.jsonl"
"$YTEGRAPH" build -q --jsonl --stream -o "$TMP/whole.nq" "$TMP/gen.jsonl"
check "--stream with the entity table spilled in runs (-j 2): the same bytes" \
	sh -c 'test -s "$0" && cmp "$0" "$1"' "$TMP/whole.nq" "$TMP/runs.nq"

# scale-out: three shards processed apart give the single-run graph
mkdir -p "$TMP/sh1" "$TMP/sh2" "$TMP/sh3"
i=0
for f in "$EX"/*.txt; do
	i=$((i + 1))
	cp "$f" "$TMP/sh$((i % 3 + 1))/"
done
for k in 1 2 3; do
	"$YTEGRAPH" build -q --stream -o "$TMP/shard$k.nq" "$TMP/sh$k"
done
# (scripts/merge-nquads.py merges the entity descriptions of the default
# graphs: smallest label, summed mention counts)
check "three shards merged = the single run, line for line" sh -c '
	"$1" "$2/scripts/merge-nquads.py" "$0"/shard1.nq "$0"/shard2.nq "$0"/shard3.nq >"$0/union.nq" &&
	sort "$0/a.nq" >"$0/single.nq" &&
	diff "$0/single.nq" "$0/union.nq"' "$TMP" "$PY" "$top_srcdir"
check "concatenating them is not enough: each shard counts its own mentions" sh -c '
	cat "$0"/shard1.nq "$0"/shard2.nq "$0"/shard3.nq | sort -u >"$0/cat.nq"
	! cmp -s "$0/cat.nq" "$0/single.nq"' "$TMP"

# ... and the development corpus (when it is beside this tree) in four
# shards, where entities are named differently in different shards
DEV="$top_srcdir/../shared/eval/dev/docs"
if [ -d "$DEV" ]; then
	mkdir -p "$TMP/dv1" "$TMP/dv2" "$TMP/dv3" "$TMP/dv4"
	i=0
	for f in "$DEV"/*.txt; do
		i=$((i + 1))
		cp "$f" "$TMP/dv$((i % 4 + 1))/"
	done
	check "the development corpus in four shards merged = its single run" sh -c '
		for k in 1 2 3 4; do "$0" build -q --stream -o "$1/dv$k.nq" "$1/dv$k" || exit 1; done
		"$0" build -q -o "$1/dv.nq" "$4" && sort "$1/dv.nq" >"$1/dv.sorted" &&
		"$2" "$3/scripts/merge-nquads.py" "$1"/dv1.nq "$1"/dv2.nq "$1"/dv3.nq "$1"/dv4.nq >"$1/dvm.nq" &&
		diff "$1/dv.sorted" "$1/dvm.nq"' "$YTEGRAPH" "$TMP" "$PY" "$top_srcdir" "$DEV"
else
	skip "the development corpus in four shards" "$DEV is not there"
fi

# JSON Lines
J="$TMP/corpus.jsonl"
{
	printf '{"id":"hn-1","text":"Tin Hà Nội\\nGiám đốc Sở Y tế Lê Văn Nam dự họp.","date":"2024-05-01","url":"https://example.org/hn-1","title":"Tin Hà Nội"}\n'
	printf 'not json at all\n'
	printf '{"id":"x"}\n'
	printf '\n'
	printf '{"id":"hn-2","text":"Bệnh viện Bạch Mai ở Thủ đô khám cho 3.000 người."}\n'
} >"$J"
check "--jsonl: a malformed record exits 1" exit_is 1 "$YTEGRAPH" extract --jsonl "$J"
check "... is reported with its line number" stderr_has "corpus.jsonl:2: malformed JSON record"
check "... a record without text is reported too" stderr_has "corpus.jsonl:3: malformed record"
check "... and the good records are processed" sh -c 'test "$(grep -c "^{\"doc\":\"hn-" "$0")" -eq 2' "$TMP/.stdout"
check "--jsonl --strict stops at the first malformed record" sh -c '"$0" extract --jsonl --strict "$1" 2>/dev/null | grep -c "^{" | grep -qx 1' "$YTEGRAPH" "$J"
J2="$TMP/odd.jsonl"
{
	printf '{"id":"a","text":"Tin một","text":"Tin hai"}\n'
	printf '{"id":"b","text":"Tin\\u0000 ba"}\n'
	printf '{"id":"c","text":"a \\\\u0000 is text here: Bệnh viện Bạch Mai ở Hà Nội."}\n'
	printf '{"id":"d","text":"Tin bốn"} trailing\n'
	printf '{"id":"e","text":"Tin \\u0110\\u00e0 N\\u1eb5ng: Bệnh viện C Đà Nẵng."}\n'
} >"$J2"
"$YTEGRAPH" extract --jsonl "$J2" >"$TMP/odd.out" 2>"$TMP/odd.err"
check "--jsonl: a key given twice is reported" grep -q 'odd.jsonl:1: malformed record: key "text" appears twice' "$TMP/odd.err"
check "... an escaped NUL character is reported, not cut off" grep -q 'odd.jsonl:2: .*NUL character' "$TMP/odd.err"
check "... an escaped backslash before u0000 is text" grep -q '"doc":"c".*Bệnh viện Bạch Mai' "$TMP/odd.out"
check "... text after the record is reported with its column" grep -q 'odd.jsonl:4: malformed JSON record (column 29)' "$TMP/odd.err"
check "... \\u escapes are decoded (Đà Nẵng)" grep -q '"doc":"e".*Đà Nẵng' "$TMP/odd.out"
# with threads the workers parse the records: same reports, same order
"$YTEGRAPH" extract --jsonl "$J" >"$TMP/j1.out" 2>"$TMP/j1.err"
"$YTEGRAPH" extract --jsonl -j 2 "$J" >"$TMP/j2.out" 2>"$TMP/j2.err"
check "--jsonl -j 2: the same records and the same reports, in order" sh -c 'cmp -s "$0/j1.out" "$0/j2.out" && cmp -s "$0/j1.err" "$0/j2.err"' "$TMP"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	printf '{"id":"m-%d","text":"Tin Hà Nội\\nBệnh viện Bạch Mai số %d."}\n' "$i" "$i"
done >"$TMP/many.jsonl"
{ head -n 12 "$TMP/many.jsonl"; printf 'broken\n'; tail -n 8 "$TMP/many.jsonl"; } >"$TMP/strict.jsonl"
check "--strict -j 2 stops where -j 1 stops" sh -c '
	"$0" extract --jsonl --strict "$1" >"$2/s1.out" 2>/dev/null
	"$0" extract --jsonl --strict -j 2 "$1" >"$2/s2.out" 2>/dev/null
	test "$(grep -c "^{" "$2/s1.out")" -eq 12 && cmp -s "$2/s1.out" "$2/s2.out"' "$YTEGRAPH" "$TMP/strict.jsonl" "$TMP"
check "--jsonl reads standard input" sh -c 'grep "^{\"id\":\"hn-2\"" "$1" | "$0" extract --jsonl - | grep -q "Bệnh viện Bạch Mai"' "$YTEGRAPH" "$J"
"$YTEGRAPH" build -q --jsonl -o "$TMP/j.ttl" "$J" 2>/dev/null
check "record date and url flow into the graph" sh -c 'grep -q "schema:datePublished \"2024-05-01\"" "$0" && grep -q "schema:url <https://example.org/hn-1>" "$0"' "$TMP/j.ttl"
check "the record date dates the membership" grep -q 'dct:date "2024-05-01"' "$TMP/j.ttl"

# progress: never on a non-terminal, silenced by --quiet
"$YTEGRAPH" build -q -o "$TMP/q.ttl" "$EX" 2>"$TMP/q.err"
check "--quiet prints nothing on stderr" test ! -s "$TMP/q.err"
"$YTEGRAPH" build -o "$TMP/q.ttl" "$EX" 2>"$TMP/q.err"
check "without a terminal only the summary line is printed" sh -c 'test "$(wc -l <"$0")" -eq 1 && grep -q "4 document(s)" "$0"' "$TMP/q.err"
if command -v script >/dev/null 2>&1; then
	script -qec "\"$YTEGRAPH\" build -o \"$TMP/p.ttl\" \"$EX\"" /dev/null >"$TMP/p.out" 2>&1
	check "on a terminal a progress line gives documents, MB and MB/s" grep -q "4 documents, 0.0 MB, [0-9.]* MB/s" "$TMP/p.out"
else
	skip "progress on a terminal" "script(1) is not installed"
fi
# N-Quads without --stream: the articles' graphs wait in a spill file, not
# in memory (#15): from 2 MB to 16 MB of articles the peak RSS grows by
# less than half of what the output grows (keeping them grew it by more)
if [ "${YG_SANITIZERS:-no}" = no ]; then
	python3 "$top_srcdir/bench/gen_corpus.py" 16 "$TMP/gen16.jsonl" >/dev/null
	"$PY" - "$YTEGRAPH" "$TMP" <<'EOF2' >"$TMP/spill.txt"
import os, resource, subprocess, sys
y, t = sys.argv[1], sys.argv[2]
def peak(corpus, out):
    p = subprocess.Popen([y, "build", "-q", "--jsonl", "-o", out, corpus])
    _, status, ru = os.wait4(p.pid, 0)
    return ru.ru_maxrss // 1024, os.path.getsize(out) // (1 << 20)
r2, o2 = peak(t + "/gen.jsonl", t + "/m2.nq")
r16, o16 = peak(t + "/gen16.jsonl", t + "/m16.nq")
print(r16 - r2, o16 - o2)
EOF2
	read -r rss_growth out_growth <"$TMP/spill.txt"
	check "build -o .nq from 2 MB to 16 MB: peak RSS +$rss_growth MB, output +$out_growth MB" \
		test "$((rss_growth * 2))" -lt "$out_growth"
	# --stream keeps an entity table, bounded (#15): past its budget it
	# goes to a temporary file in runs; bounded to 256 KB the run's peak
	# RSS stays at least 2 MB below the table kept whole (3.5 MB at 16 MB)
	"$PY" - "$YTEGRAPH" "$TMP" <<'EOF2' >"$TMP/budget.txt"
import os, subprocess, sys
y, t = sys.argv[1], sys.argv[2]
def peak(budget):
    env = dict(os.environ, YTEGRAPH_ENTITY_BUDGET=str(budget))
    p = subprocess.Popen([y, "build", "-q", "--jsonl", "--stream", "-o", t + "/budget.nq", t + "/gen16.jsonl"], env=env)
    _, status, ru = os.wait4(p.pid, 0)
    return ru.ru_maxrss // 1024
print(peak(1 << 18), peak(1 << 40))
EOF2
	read -r rss_runs rss_whole <"$TMP/budget.txt"
	check "build --stream of 16 MB: peak RSS $rss_runs MB with the entity table bounded, $rss_whole MB whole" \
		test "$((rss_runs + 2))" -le "$rss_whole"
	# Turtle a chunk of subjects at a time: well below one serializer
	# holding the whole graph (YTEGRAPH_TURTLE_WHOLE=1), the same bytes
	"$PY" - "$YTEGRAPH" "$TMP" <<'EOF2' >"$TMP/ttl.txt"
import os, subprocess, sys
y, t = sys.argv[1], sys.argv[2]
def peak(out, whole):
    env = dict(os.environ, YTEGRAPH_TURTLE_WHOLE="1" if whole else "0")
    p = subprocess.Popen([y, "build", "-q", "--jsonl", "-o", out, t + "/gen16.jsonl"], env=env)
    _, status, ru = os.wait4(p.pid, 0)
    return ru.ru_maxrss // 1024
print(peak(t + "/c.ttl", False), peak(t + "/w.ttl", True))
EOF2
	read -r rss_chunks rss_whole <"$TMP/ttl.txt"
	check "build -o .ttl of 16 MB: peak RSS $rss_chunks MB in chunks, $rss_whole MB whole (at most 70 %)" \
		test "$((rss_chunks * 10))" -le "$((rss_whole * 7))"
	check "... the same bytes" cmp "$TMP/c.ttl" "$TMP/w.ttl"
	rm -f "$TMP/gen16.jsonl" "$TMP/m2.nq" "$TMP/m16.nq" "$TMP/c.ttl" "$TMP/w.ttl" "$TMP/budget.nq"
else
	skip "peak RSS of build -o .nq" "a sanitizer build keeps freed memory in quarantine"
fi
finish
