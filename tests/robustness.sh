#!/bin/sh
# Robustness: malformed UTF-8, huge and degenerate documents, labels full of
# characters that need escaping, unreadable files, and properties over
# 1,000 generated articles (every Turtle and DOT output parses; every
# mention's offsets point at its text).  See doc/robustness.md.
#
# ROBUSTNESS_BIG_MB sets the size of the huge-document cases (default 50;
# 8 when $YTEGRAPH is built with AddressSanitizer, which is ~10x slower).
# ROBUSTNESS_ARTICLES sets the number of generated articles (default 1000).
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
GEN="$top_srcdir/tests/gen_articles.py"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# ---- malformed UTF-8 ----
printf 'Hà Nội \300\257 Huế\n' >"$TMP/overlong.txt"
check "overlong UTF-8 (C0 AF) exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/overlong.txt"
check "... naming the file, the byte offset and the line" stderr_has "overlong.txt: invalid UTF-8 at byte 10 (line 1)"
check "... and nothing is printed" test ! -s "$TMP/.stdout"
printf 'Huế\n\340\200\257\n' >"$TMP/overlong3.txt"
check "3-byte overlong (E0 80 AF) exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/overlong3.txt"
check "... at its first byte, on line 2" stderr_has "invalid UTF-8 at byte 6 (line 2)"
printf 'Huế \355\240\200\n' >"$TMP/surrogate.txt"
check "an encoded surrogate (ED A0 80) exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/surrogate.txt"
printf 'Huế \364\220\200\200\n' >"$TMP/above.txt"
check "a code point above U+10FFFF exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/above.txt"
printf 'Bệnh viện Bạch Mai \341\273' >"$TMP/truncated.txt"
check "a sequence cut by the end of file exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/truncated.txt"
check "... at its first byte" stderr_has "invalid UTF-8 at byte 25"
check "a bad file among good ones: the good ones are still built" \
	sh -c '"$0" build -q -o "$1/mixed.ttl" "$2" "$3" 2>/dev/null; test $? -eq 1 && rapper -q -i turtle -c "$1/mixed.ttl" >/dev/null' \
	"$YTEGRAPH" "$TMP" "$TMP/overlong.txt" "$EX/01-ha-noi-benh-vien-ve-tinh.txt"

# ---- one huge line vs. the same text on ordinary lines ----
BIG_MB=${ROBUSTNESS_BIG_MB:-}
if [ -z "$BIG_MB" ]; then
	BIG_MB=50
	if ldd "$YTEGRAPH" 2>/dev/null | grep -q 'libasan' || nm "$YTEGRAPH" 2>/dev/null | grep -q '__asan_init'; then
		BIG_MB=8
		echo "# sanitizer build: huge-document cases use $BIG_MB MB"
	fi
fi
# Content paragraphs of the examples (no headings, captions or related-
# article tails, which boilerplate detection would mask on their own line),
# cycled to BIG_MB: joined by spaces for one line, by newlines otherwise.
# Both runs get one date: where a dateline is depends on the line breaks,
# and the date decides names in force (Huế from 2025).
"$PY" - "$EX" "$TMP" "$BIG_MB" <<'EOF'
import glob, os, sys
ex, tmp, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
paras = []
for f in sorted(glob.glob(os.path.join(ex, "*.txt"))):
    for l in open(f, encoding="utf-8"):
        l = l.strip()
        if len(l.split()) >= 12 and l not in paras:
            paras.append(l)
target = mb * 1024 * 1024
for name, sep in (("one-line.txt", " "), ("lines.txt", "\n")):
    unit = (sep.join(paras) + sep).encode("utf-8")
    data = unit * (target // len(unit) + 1)
    data = data[:target]
    data = data[:data.rfind(sep.encode())]  # end on a separator, never inside a character
    with open(os.path.join(tmp, name), "wb") as fh:
        fh.write(data)
EOF
t0=$(now)
"$YTEGRAPH" extract --date 2025-06-01 "$TMP/lines.txt" >"$TMP/lines.jsonl" 2>"$TMP/lines.err"
rc_lines=$?
t1=$(now)
t_lines=$(elapsed "$t0" "$t1")
echo "# $BIG_MB MB on ordinary lines: exit $rc_lines in ${t_lines}s"
check "$BIG_MB MB of ordinary multi-line text is processed" test "$rc_lines" -eq 0
# The one-line run may take at most 3x as long (plus 5 s for small sizes):
# it is stopped at that point rather than left to run for minutes.
limit=$(awk -v t="$t_lines" 'BEGIN { printf "%d", 3 * t + 5.999 }')
t0=$(now)
timeout "$limit" "$YTEGRAPH" extract --date 2025-06-01 "$TMP/one-line.txt" >"$TMP/one-line.jsonl" 2>"$TMP/one-line.err"
rc_one=$?
t1=$(now)
t_one=$(elapsed "$t0" "$t1")
echo "# $BIG_MB MB on one line: exit $rc_one in ${t_one}s (stopped at ${limit}s)"
check "$BIG_MB MB on a single line succeeds, or fails with a clear limit message" \
	sh -c 'test "$0" -eq 0 || { test "$0" -eq 1 && grep -q "larger than\|too large\|limit" "$1"; }' "$rc_one" "$TMP/one-line.err"
check "... within 3x the time of the same text on ordinary lines (${t_one}s vs ${t_lines}s)" \
	awk -v a="$t_one" -v b="$t_lines" -v rc="$rc_one" 'BEGIN { exit !(rc != 124 && a < 3 * b + 5) }'
if [ "$rc_one" -eq 0 ] && [ "$rc_lines" -eq 0 ]; then
	check "... and finds the same entities" "$PY" - "$TMP/lines.jsonl" "$TMP/one-line.jsonl" <<'EOF'
import json, sys
def ents(p):
    r = json.loads(open(p, encoding="utf-8").readline())
    return sorted({(e["type"], e["label"]) for e in r["entities"]})
a, b = ents(sys.argv[1]), ents(sys.argv[2])
if a != b:
    print("only on lines:", [x for x in a if x not in b][:10])
    print("only on one line:", [x for x in b if x not in a][:10])
    sys.exit(1)
EOF
else
	skip "... and finds the same entities" "a run did not finish"
fi
rm -f "$TMP/one-line.txt" "$TMP/lines.txt" "$TMP/one-line.jsonl" "$TMP/lines.jsonl"

# ---- degenerate repetition ----
"$PY" -c 'import sys; open(sys.argv[1], "w", encoding="utf-8").write("Bệnh viện " * 100000)' "$TMP/rep.txt"
check "100,000 x 'Bệnh viện ' finishes without a crash" \
	sh -c 'timeout 120 "$0" extract "$1" >"$2"' "$YTEGRAPH" "$TMP/rep.txt" "$TMP/rep.jsonl"
check "... with sensible output (one record, no entity with a runaway label)" "$PY" - "$TMP/rep.jsonl" <<'EOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(recs) == 1, len(recs)
for e in recs[0]["entities"]:
    assert len(e["label"]) <= 200, (e["type"], len(e["label"]))
print("# entities:", len(recs[0]["entities"]))
EOF
check "... and its Turtle and DOT parse" sh -c '
	timeout 120 "$0" build -q -o "$1/rep.ttl" -o "$1/rep.dot" "$1/rep.txt" &&
	rapper -q -i turtle -c "$1/rep.ttl" https://example.org/ >/dev/null && dot -Tcanon "$1/rep.dot" >/dev/null' \
	"$YTEGRAPH" "$TMP"
"$PY" -c 'import sys; open(sys.argv[1], "w", encoding="utf-8").write("Bệnh viện Bạch Mai, " * 20000 + "Hà Nội.\n")' "$TMP/rep2.txt"
check "20,000 mentions of one hospital: one entity with 20,000 mentions" sh -c '
	timeout 120 "$0" extract "$1" | "$2" -c "
import json, sys
r = json.loads(sys.stdin.readline())
h = [e for e in r[\"entities\"] if e[\"type\"] == \"Hospital\"]
assert len(h) == 1 and len(h[0][\"mentions\"]) == 20000, [(e[\"label\"], len(e[\"mentions\"])) for e in h]"' \
	"$YTEGRAPH" "$TMP/rep2.txt" "$PY"

# ---- labels that need escaping ----
mkdir -p "$TMP/esc"
printf '%s\n' \
	'Ngày 2/3/2024, Bệnh viện "Hy Vọng" {A} ký kết hợp tác với Bệnh viện Tâm\Anh tại Hà Nội.' \
	'Giám đốc Sở Y tế Hà Nội Nguyễn Văn An và Bệnh viện <Hồng> Đức\ cùng Bệnh viện \N \G \l tham dự.' \
	'Bệnh viện Đa khoa {Sài Gòn} và BVĐK "Phương Nam" hỗ trợ Bệnh viện A\B\C.' >"$TMP/esc/quotes.txt"
printf 'Ngày 5/6/2024, Giám đốc Sở Y tế\nHà Nội Trần Thị Bình thăm Bệnh viện Đa khoa\nĐức Giang và Bệnh viện\nBạch Mai.\n' >"$TMP/esc/lf.txt"
printf 'Ngày 5/6/2024, Giám đốc Sở Y tế\r\nHà Nội Lê Văn Cường thăm Bệnh viện Đa khoa\r\nĐức Giang và Bệnh viện\r\nBạch Mai.\r\n' >"$TMP/esc/crlf.txt"
printf 'Ngày 5/6/2024, Giám đốc Sở Y tế\rHà Nội Phạm Văn Dũng thăm Bệnh viện Đa khoa\rĐức Giang và Bệnh viện\rBạch Mai.\r' >"$TMP/esc/cr.txt"
printf 'Ngày 5/6/2024, Bệnh viện\tBạch\302\240Mai và Bệnh viện\342\200\250Việt Đức ở Hà Nội.\n' >"$TMP/esc/spaces.txt"
for f in quotes lf crlf cr spaces; do
	"$YTEGRAPH" build -q -o "$TMP/esc/$f.ttl" -o "$TMP/esc/$f.nt" -o "$TMP/esc/$f.dot" "$TMP/esc/$f.txt" 2>"$TMP/esc/$f.err"
	check "special characters ($f): Turtle parses with rapper" rapper -q -i turtle -c "$TMP/esc/$f.ttl" https://example.org/
	check "special characters ($f): N-Triples parse with rapper" rapper -q -i ntriples -c "$TMP/esc/$f.nt" https://example.org/
	check "special characters ($f): DOT parses with dot" sh -c 'dot -Tcanon "$0" >/dev/null' "$TMP/esc/$f.dot"
done
check "CR-only line ends are line breaks, as LF and CRLF are (same entities)" sh -c '
	for f in lf crlf cr; do
		"$0" extract "$1/$f.txt" | "$2" -c "
import json, sys
r = json.loads(sys.stdin.readline())
print(sorted((e[\"type\"], e[\"label\"]) for e in r[\"entities\"] if e[\"type\"] != \"Official\"))" >"$1/$f.ents" || exit 1
	done
	cmp -s "$1/lf.ents" "$1/crlf.ents" && cmp -s "$1/lf.ents" "$1/cr.ents" || { head -c 600 "$1/lf.ents" "$1/cr.ents"; exit 1; }' \
	"$YTEGRAPH" "$TMP/esc" "$PY"
check "no label or alias keeps a line break, tab, NBSP, zero-width space or double space" sh -c '
	"$0" extract "$1"/*.txt | "$2" -c "
import json, sys
for line in sys.stdin:
    for e in json.loads(line)[\"entities\"]:
        for s in [e[\"label\"]] + e[\"aliases\"]:
            assert not any(c in s for c in \"\\r\\n\\t\\u2028\\u2029\\u00a0\\ufeff\\u200b\") and \"  \" not in s, repr(s)"' \
	"$YTEGRAPH" "$TMP/esc" "$PY"
printf '%s\n' '{"id":"t1","text":"Bệnh viện Bạch Mai ở Hà Nội.","title":"Tít\rđầu \\ \"x\" {y} <z>"}' \
	'{"id":"t2","text":"Sở Y tế Hà Nội.","title":"dòng 1\ndòng 2\r\ndòng 3"}' >"$TMP/esc/titles.jsonl"
"$YTEGRAPH" build --jsonl -q -o "$TMP/esc/titles.ttl" "$TMP/esc/titles.jsonl" 2>/dev/null
check "JSON Lines titles with CR, quotes and backslashes: Turtle parses" \
	rapper -q -i turtle -c "$TMP/esc/titles.ttl" https://example.org/

# ---- unreadable input ----
cp "$EX/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/unreadable.txt"
chmod 000 "$TMP/unreadable.txt"
if [ "$(id -u)" -eq 0 ]; then
	skip "an unreadable file exits 1" "running as root, which can read it"
	skip "... naming the file and the reason" "running as root"
	skip "... and the other inputs are still processed" "running as root"
else
	check "an unreadable file exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/unreadable.txt" "$EX/02-tphcm-cap-cuu.txt"
	check "... naming the file and the reason" stderr_has "unreadable.txt: cannot open: Permission denied"
	check "... and the other inputs are still processed" sh -c 'test "$(wc -l <"$0")" -eq 1' "$TMP/.stdout"
fi
chmod 644 "$TMP/unreadable.txt"

# ---- N-Quads on worker threads: nothing leaks ----
if command -v valgrind >/dev/null 2>&1 && [ "${YG_SANITIZERS:-no}" = no ]; then
	valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
		--suppressions="$top_srcdir/fuzz/valgrind.supp" \
		"$YTEGRAPH" build -q -j 3 -o "$TMP/leak.nq" "$EX" >/dev/null 2>"$TMP/leak.vg"
	vg_rc=$?
	check "-j 3 with N-Quads output leaks nothing (valgrind, exit $vg_rc)" test "$vg_rc" -eq 0
	[ "$vg_rc" -eq 0 ] || grep -A8 "definitely lost in" "$TMP/leak.vg" | head -12 | sed 's/^/#   /'
else
	skip "-j 3 with N-Quads output leaks nothing" "no valgrind, or a sanitizer build"
fi

# ---- properties over generated articles ----
N=${ROBUSTNESS_ARTICLES:-1000}
check "gen_articles.py writes $N articles" "$PY" "$GEN" 20240315 "$N" "$TMP/gen/all"
check "... the same ones for the same seed" sh -c '
	"$0" "$1" 20240315 5 "$2/again" && for f in "$2"/again/*; do cmp "$f" "$2/all/$(basename "$f")" || exit 1; done' \
	"$PY" "$GEN" "$TMP/gen"
# four batches: one build per batch
i=0
for f in "$TMP"/gen/all/*.txt; do
	b=$((i % 4))
	mkdir -p "$TMP/gen/b$b"
	ln -s "$f" "$TMP/gen/b$b/$(basename "$f")"
	i=$((i + 1))
done
# On failure, name the articles of the batch that fail alone (at most 3,
# trying at most 60: a failure may need the whole batch).
culprits() { # culprits BATCH CHECK-COMMAND-TAKING-FILE
	_b=$1
	shift
	_k=0
	_tried=0
	for _f in "$TMP/gen/$_b"/*.txt; do
		_tried=$((_tried + 1))
		[ $_tried -gt 60 ] && { [ $_k -eq 0 ] && echo "#   (none of the first 60 articles fails alone)"; break; }
		"$@" "$_f" >/dev/null 2>&1 && continue
		echo "#   fails alone: $(readlink "$_f" || echo "$_f")"
		_k=$((_k + 1))
		[ $_k -ge 3 ] && break
	done
}
ttl_ok() { "$YTEGRAPH" build -q -o "$TMP/gen/one.ttl" "$1" && rapper -q -i turtle -c "$TMP/gen/one.ttl" https://example.org/; }
dot_ok() { "$YTEGRAPH" build -q -o "$TMP/gen/one.dot" "$1" && dot -Tcanon "$TMP/gen/one.dot"; }
build_fail=0 ttl_fail=0 dot_fail=0
for b in b0 b1 b2 b3; do
	if ! "$YTEGRAPH" build -q -o "$TMP/gen/$b.ttl" -o "$TMP/gen/$b.dot" "$TMP/gen/$b" 2>"$TMP/gen/$b.err"; then
		build_fail=$((build_fail + 1))
		sed 's/^/#   /' "$TMP/gen/$b.err" | head -5
	fi
	if ! rapper -q -i turtle -c "$TMP/gen/$b.ttl" https://example.org/ >"$TMP/gen/$b.rapper" 2>&1; then
		ttl_fail=$((ttl_fail + 1))
		sed 's/^/#   /' "$TMP/gen/$b.rapper" | head -3
		culprits "$b" ttl_ok
	fi
	if ! dot -Tcanon "$TMP/gen/$b.dot" >/dev/null 2>"$TMP/gen/$b.doterr"; then
		dot_fail=$((dot_fail + 1))
		sed 's/^/#   /' "$TMP/gen/$b.doterr" | head -3
		culprits "$b" dot_ok
	fi
done
check "every generated article is accepted (4 builds of $((N / 4)))" test $build_fail -eq 0
check "every build's Turtle parses with rapper" test $ttl_fail -eq 0
check "every build's DOT parses with dot" test $dot_fail -eq 0
"$YTEGRAPH" extract "$TMP/gen/all" >"$TMP/gen/all.jsonl" 2>"$TMP/gen/extract.err"
check "extract accepts all $N articles" sh -c 'test $(wc -l <"$0") -eq "$1"' "$TMP/gen/all.jsonl" "$N"
check "every mention's text is the NFC text at its code-point offsets" "$PY" - "$TMP/gen/all" "$TMP/gen/all.jsonl" <<'EOF'
import json, os, sys, unicodedata
folder, jsonl = sys.argv[1], sys.argv[2]
bad = checked = 0
for line in open(jsonl, encoding="utf-8"):
    rec = json.loads(line)
    raw = open(os.path.join(folder, rec["doc"] + ".txt"), "rb").read().decode("utf-8")
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    text = unicodedata.normalize("NFC", raw)
    for e in rec["entities"]:
        for m in e["mentions"]:
            checked += 1
            got = text[m["start"]:m["end"]]
            if got != m["text"]:
                bad += 1
                if bad <= 5:
                    print("# %s %s [%d,%d): text %r, NFC text there %r"
                          % (rec["doc"], e["label"], m["start"], m["end"], m["text"], got))
print("# %d mentions checked, %d wrong" % (checked, bad))
sys.exit(1 if bad or not checked else 0)
EOF
check "no generated label or alias keeps a line break, tab, NBSP, zero-width space or double space" "$PY" - "$TMP/gen/all.jsonl" <<'EOF'
import json, sys
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    for e in rec["entities"]:
        for s in [e["label"]] + e["aliases"]:
            if any(c in s for c in "\r\n\t\v\f\u2028\u2029\u00a0\ufeff\u200b\u3000") or "  " in s:
                bad += 1
                if bad <= 5:
                    print("# %s %s: %r" % (rec["doc"], e["type"], s))
sys.exit(1 if bad else 0)
EOF
# A JSON Lines record over the document limit is refused with its line;
# past the limit it is read a megabyte at a time and dropped.
{
	printf '{"id":"big","text":"'
	head -c 269000000 /dev/zero | tr '\0' 'a'
	printf '"}\n{"id":"after","text":"Tin Hà Nội\\nBệnh viện Bạch Mai khám bệnh."}\n'
} >"$TMP/big.jsonl"
"$PY" - "$YTEGRAPH" "$TMP/big.jsonl" "$TMP/big" <<'EOF' >"$TMP/big.rss"
import resource, subprocess, sys
with open(sys.argv[3] + ".out", "wb") as out, open(sys.argv[3] + ".err", "wb") as err:
    rc = subprocess.call([sys.argv[1], "extract", "--jsonl", sys.argv[2]], stdout=out, stderr=err)
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
EOF
rm -f "$TMP/big.jsonl"
read -r big_rc big_rss <"$TMP/big.rss"
echo "# 257 MiB record: exit $big_rc, peak RSS $big_rss MB"
check "a JSON Lines record over 256 MiB exits 1, naming its line" \
	sh -c 'test "$0" -eq 1 && grep -q "big.jsonl:1: record larger than 256 MiB" "$1"' "$big_rc" "$TMP/big.err"
check "... the next record is still processed" grep -q '"doc":"after"' "$TMP/big.out"
# At most the limit's worth is buffered (getline would have doubled its
# buffer past the whole record, to 512 MB, and cJSON copied it again).
if [ "${YG_SANITIZERS:-no}" = no ]; then
	check "... buffering at most the limit's worth (peak RSS $big_rss MB < 300 MB)" test "$big_rss" -lt 300
else
	skip "peak RSS of the 257 MiB record" "a sanitizer build keeps freed memory in quarantine"
fi
finish
