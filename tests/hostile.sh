#!/bin/sh
# Output a standard parser rejects or reads differently (issue #14, part 2):
# metadata (JSON Lines fields, file names), noncharacters and controls,
# IRIs, writer errors, article identity.  Each output is read back with a
# strict parser: rapper per RDF syntax, Python's JSON and XML parsers, dot.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
T="Bệnh viện Bạch Mai ở Hà Nội ký kết với Sở Y tế Hà Nội."

parses() { # parses PREFIX: every output PREFIX.* reads back strictly
	rapper -q -i turtle -c "$1.ttl" https://example.org/ >/dev/null 2>"$TMP/.parse" &&
	rapper -q -i ntriples -c "$1.nt" >/dev/null 2>>"$TMP/.parse" &&
	rapper -q -i nquads -c "$1.nq" >/dev/null 2>>"$TMP/.parse" &&
	rapper -q -i rdfxml -c "$1.rdf" https://example.org/ >/dev/null 2>>"$TMP/.parse" &&
	"$PY" -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$1.svg" 2>>"$TMP/.parse" &&
	dot -Tcanon "$1.dot" >/dev/null 2>>"$TMP/.parse" &&
	"$PY" -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$1.e.jsonl" 2>>"$TMP/.parse"
}
build_all() { # build_all PREFIX ARGS...: every format
	_p=$1
	shift
	"$YTEGRAPH" build -q -o "$_p.ttl" -o "$_p.nt" -o "$_p.nq" -o "$_p.rdf" -o "$_p.svg" -o "$_p.dot" -o "$_p.e.jsonl" "$@"
}

# ---- JSON Lines metadata ----
rec() { printf '{"id":"%s","text":"%s"%s}\n' "$1" "$T" "$2"; }
bad_record() { # bad_record NAME RECORD-LINE MESSAGE
	{ rec good ''; printf '%s\n' "$2"; } >"$TMP/m.jsonl"
	check "$1: the record is refused (exit 1)" exit_is 1 build_all "$TMP/m" --jsonl "$TMP/m.jsonl"
	check "... with its line and why" stderr_has "m.jsonl:2: .*$3"
	check "... and every output still parses" parses "$TMP/m"
}
bad_record "an id that is not UTF-8" "$(printf '{"id":"x\377","text":"%s"}' "$T")" '"id" is not valid UTF-8'
bad_record "a title that is not UTF-8" "$(printf '{"id":"x","text":"%s","title":"T\300\257"}' "$T")" '"title" is not valid UTF-8'
bad_record "a url that is not UTF-8" "$(printf '{"id":"x","text":"%s","url":"http://a.vn/\377"}' "$T")" '"url" is not valid UTF-8'
printf '{"id":"x","text":"Bệnh viện Bạch Mai\000 Hà Nội"}\n' >"$TMP/nul.jsonl"
check "a raw NUL byte in a record: refused, not cut" exit_is 1 "$YTEGRAPH" extract --jsonl "$TMP/nul.jsonl"
check "... saying so" stderr_has "NUL byte"
bad_record "date \"yesterday\"" "$(rec x ',"date":"yesterday"')" '"date" is not a calendar date'
bad_record "date 2024-02-30" "$(rec x ',"date":"2024-02-30"')" '"date" is not a calendar date'
bad_record "date cut inside a character" "$(rec x ',"date":"2025-07-0ệ"')" '"date" is not a calendar date'
bad_record "a date that is a number" "$(rec x ',"date":20250701')" '"date" must be a string'
bad_record "an empty id" "$(rec '' '')" '"id" is empty'
bad_record "an id of spaces" "$(rec '  ' '')" '"id" is empty'
bad_record "an id with an escape sequence" "$(rec 'x\u001b[31m' '')" '"id" holds a control character'
bad_record "a url with an unclosed IP literal" "$(rec x ',"url":"http://[::1/a"')" '"url" is not an absolute IRI'
bad_record "a url without a scheme" "$(rec x ',"url":"www.a.vn/x"')" '"url" is not an absolute IRI'
bad_record "a url rdf:_x (raptor refuses it; found by fuzz_jsonl)" "$(rec x ',"url":"http://www.w3.org/1999/02/22-rdf-syntax-ns#_x"')" '"url" is not an absolute IRI'
{ rec t1 ',"date":"2025-03-01T08:00:00+07:00"'; } >"$TMP/ts.jsonl"
check "a timestamp gives its day" sh -c '"$0" extract --jsonl "$1" | grep -q "\"date\":\"2025-03-01\""' "$YTEGRAPH" "$TMP/ts.jsonl"
# a url that only needs percent-encoding is kept, encoded
{
	rec u1 ',"url":"http://a.vn/x y%zz\u007f\u0085#f#g"'
	rec u2 ',"url":"http://[::1]:8080/ok"'
} >"$TMP/url.jsonl"
build_all "$TMP/url" --jsonl "$TMP/url.jsonl"
check "urls with a space, a stray %, DEL, C1 and a second #: percent-encoded, every output parses" parses "$TMP/url"
check "... written as IRIs" sh -c 'grep -q "<http://a.vn/x%20y%25zz%7F%C2%85#f%23g>" "$0" && grep -q "<http://\[::1\]:8080/ok>" "$0"' "$TMP/url.nt"

# ---- noncharacters and controls: the same text in every syntax ----
printf '{"id":"n1","text":"Bệnh viện Bạch\357\277\276 Mai ở Hà Nội.\\nSở Y tế\357\277\277 Hà Nội họp.","title":"Tít\\uffff đầu\\u0001 x\\u001b[2J y\\u0085 z","url":"http://a.vn/\\uffffb"}\n' >"$TMP/nc.jsonl"
printf 'Tin\001 \357\277\276Hà Nội\033[31m\nBệnh viện Bạch Mai ở Hà Nội.\n' >"$TMP/nc-text.txt"
build_all "$TMP/nc" --jsonl "$TMP/nc.jsonl"
check "U+FFFE/U+FFFF and C0/C1 controls in text, title and url: every output parses" parses "$TMP/nc"
build_all "$TMP/nct" "$TMP/nc-text.txt"
check "... also from a text file's headline" parses "$TMP/nct"
check "the headline is the same in Turtle and RDF/XML (no control dropped by one only)" sh -c '
	for f in "$0.ttl" "$0.rdf"; do rapper -q -i guess -o ntriples "$f" https://example.org/ | grep headline; done | sort -u | test "$(wc -l)" -eq 1' "$TMP/nc"
check "... and whole (the text after U+FFFF is kept)" grep -q 'headline> "T\\u00EDt\\uFFFD \\u0111\\u1EA7u x \[2J y z"@vi' "$TMP/nc.nt"
printf '%s\n' 'Bệnh viện "Hy Vọng" ở Hà Nội' >"$TMP/esc-id.txt"
printf '{"id":"abc\\\\","text":"%s","title":"t\\\\"}\n' "$T" >"$TMP/bs.jsonl"
build_all "$TMP/bs" --jsonl "$TMP/bs.jsonl"
check "an id and a title ending in a backslash: every output parses" parses "$TMP/bs"

# ---- file names ----
mkdir -p "$TMP/names"
cp "$EX/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/names/$(printf 'x\377y')".txt
cp "$EX/02-tphcm-cap-cuu.txt" "$TMP/names/$(printf 'z\033[2Jw')".txt
build_all "$TMP/fn" "$TMP/names"
check "file names that are not UTF-8 or hold controls: every output parses" parses "$TMP/fn"
check "... and extract's JSON is valid UTF-8" sh -c '"$0" extract "$1" | "$2" -c "import json,sys; [json.loads(l) for l in sys.stdin.buffer.read().decode(\"utf-8\").splitlines()]"' "$YTEGRAPH" "$TMP/names" "$PY"

# ---- IRIs: --base ----
for b in 'http://[::1/' 'http://x.vn/%zz/' "$(printf 'http://x.vn/\177/')" "$(printf 'http://x.vn/\302\205/')" 'http://www.w3.org/1999/02/22-rdf-syntax-ns#_' 'http://x.vn/a/../' 'http://x.vn/./' 'http://x.vn/a b/' 'x.vn/' 'http://x.vn/a?q/' 'http://x.vn/#a/'; do
	check "--base '$b' is refused (2)" exit_is 2 "$YTEGRAPH" build --base "$b" -o "$TMP/b.ttl" "$EX"
done
check "--base with an IP literal is accepted" exit_is 0 "$YTEGRAPH" build -q --base 'http://[::1]:8080/kg/' -o "$TMP/b.ttl" "$EX"
check "--base with Vietnamese letters (an IRI) is accepted" exit_is 0 "$YTEGRAPH" build -q --base 'https://ví-dụ.vn/đồ-thị#' -o "$TMP/b.ttl" "$EX"

# ---- article identity: distinct inputs are distinct articles ----
mkdir -p "$TMP/id/a" "$TMP/id/b"
cp "$EX/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/id/a/x.txt"
cp "$EX/02-tphcm-cap-cuu.txt" "$TMP/id/b/x.txt"
cp "$EX/03-"*.txt "$TMP/id/a/A B.txt"
cp "$EX/04-"*.txt "$TMP/id/a/a-b.txt"
"$YTEGRAPH" build -q -o "$TMP/id.nq" -o "$TMP/id.ttl" "$TMP/id"
check "same file name in two folders, 'A B' and 'a-b': four articles" sh -c 'test "$(grep -c "schema:NewsArticle" "$0")" -eq 4' "$TMP/id.ttl"
check "... four named graphs" sh -c 'test "$(cut -d" " -f4- "$0" | grep -o "<[^>]*article/[^>]*> \.$" | sort -u | wc -l)" -eq 4' "$TMP/id.nq"
check "... with readable ids (a/x, b/x, A B, a-b)" sh -c '"$0" extract "$1" | "$2" -c "import json,sys; ids=sorted(json.loads(l)[\"doc\"] for l in sys.stdin); assert ids == [\"A B\", \"a-b\", \"a/x\", \"b/x\"], ids"' "$YTEGRAPH" "$TMP/id" "$PY"
{ rec d1 ''; rec d1 ''; rec D1 ''; } >"$TMP/dup.jsonl"
check "a JSON Lines id used twice: the second is refused (exit 1)" exit_is 1 "$YTEGRAPH" build -o "$TMP/dup.ttl" --jsonl "$TMP/dup.jsonl"
check "... naming its line" stderr_has "dup.jsonl:2: an earlier input has the article id \"d1\""
check "... and 'D1' is an article of its own" sh -c 'test "$(grep -c "schema:NewsArticle" "$0")" -eq 2' "$TMP/dup.ttl"
check "mention counts do not double" sh -c 'grep -A6 "hospital/benh-vien-bach-mai>$" "$0" | grep -q "mentionCount 2 "' "$TMP/dup.ttl"
{ rec d1 ''; rec d1 ''; } >"$TMP/dup2.jsonl"
check "... the same with -j 2 (records parsed by the workers)" sh -c '"$0" build -q -j 2 -o "$1/dup2.nq" --jsonl "$1/dup2.jsonl" 2>/dev/null; test $? -eq 1 && test "$(grep -c "schema.org/NewsArticle" "$1/dup2.nq")" -eq 1' "$YTEGRAPH" "$TMP"

{ rec . ''; rec .. ''; rec .x ''; } >"$TMP/dots.jsonl"
build_all "$TMP/dots" --jsonl "$TMP/dots.jsonl"
check "ids '.' and '..' (dot segments; found by fuzz_writers): every output parses" parses "$TMP/dots"
check "... and Turtle and N-Triples name the same three articles" sh -c '
	for f in "$0.ttl" "$0.nt"; do rapper -q -i guess -o ntriples "$f" https://example.org/ | grep -o "<[^>]*/article/[^>]*>" | sort -u; done | sort | uniq -c | awk "\$1 != 2 { bad = 1 } END { exit bad || NR != 3 }"' "$TMP/dots"

# ---- terminal output ----
{ rec 'a\u001b]0;owned\u0007' ''; } >"$TMP/tty.jsonl"
check "extract --format text writes no escape sequence" sh -c '"$0" extract --format text --jsonl "$1" 2>&1 | LC_ALL=C grep -q "$(printf "\033")" && exit 1 || exit 0' "$YTEGRAPH" "$TMP/tty.jsonl"
# controls inside words are no part of a label (found by fuzz_extract)
printf 'Ngày 2/3/2024, Bệnh viện Bạch\027Mai và Sở Y tế Hà\177Nội cùng Bệnh viện Việt\302\233Đức họp. Quyết định về\027 việc khám.\n' >"$TMP/ctl.txt"
check "C0, DEL and C1 controls inside words never reach a label" sh -c '"$0" extract "$1" | "$2" -c "
import json, sys
for e in json.loads(sys.stdin.readline())[\"entities\"]:
    for s in [e[\"label\"]] + e[\"aliases\"]:
        assert not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in s), repr(s)"' "$YTEGRAPH" "$TMP/ctl.txt" "$PY"
# ---- spreadsheets: formulas and quotes in CSV and TSV cells ----
{ rec '@SUM(A1)' ''; rec '\"q\" x' ''; rec '-3' ''; rec '+cmd|x' ''
  printf '{"id":"=1+2","text":"Sở Y tế Huế họp."}\n'; printf '{"id":"\\"q2","text":"Sở Y tế Hà Tĩnh họp."}\n'; } >"$TMP/sheet.jsonl"
"$YTEGRAPH" build -q --jsonl -o "$TMP/sheet.csv" -o "$TMP/sheet.tsv" "$TMP/sheet.jsonl"
check "CSV and TSV: no cell starts with = + - @ (OWASP), every line one record for Python's csv" "$PY" - "$TMP/sheet.csv" "$TMP/sheet.tsv" <<'PYEOF'
import csv, sys
for path, dialect in ((sys.argv[1], "excel"), (sys.argv[2], "excel-tab")):
    text = open(path, encoding="utf-8", newline="").read()
    rows = list(csv.reader(text.splitlines(True), dialect=dialect))
    assert len(rows) == text.count("\n") and all(len(r) == 6 for r in rows), (path, len(rows), text.count("\n"))
    cells = [c for r in rows[1:] for c in r]
    assert not [c for c in cells if c[:1] in "=+-@" and c], [c for c in cells if c[:1] in "=+-@" and c]
    assert "'=1+2" in cells and '"q2' in cells, rows
PYEOF
"$YTEGRAPH" build -q --jsonl --raw-cells -o "$TMP/raw.csv" "$TMP/sheet.jsonl"
check "--raw-cells writes cells as they are" grep -q ',"=1+2",' "$TMP/raw.csv"
"$YTEGRAPH" build -q --jsonl --bom -o "$TMP/bom.csv" "$TMP/sheet.jsonl"
check "--bom starts the CSV with a byte-order mark" sh -c 'head -c 3 "$0" | od -An -tx1 | grep -q "ef bb bf"' "$TMP/bom.csv"
check "TSV and CSV list aliases" sh -c '"$0" entities --format tsv "$1" | grep -q "	Thủ đô" && "$0" entities --format csv "$1" | grep -q ",\"Thủ đô\""' "$YTEGRAPH" "$EX"
mkdir -p "$TMP/escname"
: >"$TMP/escname/$(printf 'e\033[2Jf').txt"
check "a message naming a file with an escape sequence writes none" sh -c '"$0" extract "$1" 2>&1 >/dev/null | LC_ALL=C grep -q "$(printf "\033")" && exit 1 || exit 0' "$YTEGRAPH" "$TMP/escname"
finish
