#!/bin/sh
# Bad input gets a clear error naming the file and a non-zero exit, never a
# crash, and the good inputs are still processed.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
printf 'Hà Nội\n\377\376 rác\n' >"$TMP/bad-utf8.txt"
printf '\357\273\277Đoàn đến Huế.\r\nNgày 2/3/2024.\r\n' >"$TMP/bom-crlf.txt"
printf 'Hà Nội\000\001\002' >"$TMP/binary.txt"
printf '\377\376H\000a\000' >"$TMP/utf16.txt"
: >"$TMP/empty.txt"
printf 'Vi\352\362t Nam, Th\341i Bi\314nh\n' >"$TMP/cp1258.txt"

check "invalid UTF-8 exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/bad-utf8.txt"
check "the message names the file, byte offset and line" stderr_has "bad-utf8.txt: invalid UTF-8 at byte 10 (line 2)"
check "BOM and CRLF are accepted" sh -c '"$0" extract "$1" | grep -q "Thừa Thiên Huế"' "$YTEGRAPH" "$TMP/bom-crlf.txt"
check "binary (NUL bytes) exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/binary.txt"
check "... with a message about the NUL byte" stderr_has "binary.txt: NUL byte at byte 9"
check "UTF-16 exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/utf16.txt"
check "... and says it is UTF-16" stderr_has "UTF-16"
check "an empty file exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/empty.txt"
check "... naming it" stderr_has "empty.txt: empty document"
check "--encoding windows-1258 converts legacy files" sh -c '"$0" extract --encoding windows-1258 "$1" | grep -q "\"label\":\"Thái Bình\""' "$YTEGRAPH" "$TMP/cp1258.txt"
check "a missing file among good ones: exit 1" exit_is 1 "$YTEGRAPH" extract "$EX/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/missing.txt" "$EX/02-tphcm-cap-cuu.txt"
check "... the missing one is named" stderr_has "missing.txt"
check "... and the good ones are still processed" sh -c 'test "$(wc -l <"$0")" -eq 2' "$TMP/.stdout"
mkdir -p "$TMP/loop/sub"
cp "$EX/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/loop/sub/a.txt"
ln -s .. "$TMP/loop/sub/back"
check "a directory symlink loop exits 1" exit_is 1 "$YTEGRAPH" extract "$TMP/loop"
check "... is reported as a loop" stderr_has "loop"
check "... and the article in it is read once" sh -c 'test "$(wc -l <"$0")" -eq 1' "$TMP/.stdout"

# ---- dates: a real calendar date or none ----
date_of() { # date_of TEXT: the date extract gives the document
	printf '%s\n' "$1" | "$YTEGRAPH" extract - | "$PY" -c 'import json,sys; print(json.loads(sys.stdin.readline())["date"])'
}
for t in 'Ngày 31/02/2024, Sở Y tế Hà Nội họp.' 'Ngày 29/2/2023, Sở Y tế Hà Nội họp.' \
	'Ngày 31/4, Sở Y tế Hà Nội họp. Hội nghị 1/1/2024.' 'date 2024-02-30 Sở Y tế Hà Nội họp.' \
	'date 2024- 1-01 Sở Y tế Hà Nội họp.'; do
	got=$(date_of "$t")
	check "no date from \"$t\" (got $got)" test "$got" = None
done
got=$(date_of 'Ngày 29/2, Sở Y tế họp. Hội nghị 1/3/2024.')
check "29/2 of a leap year is a date (got $got)" test "$got" = 2024-02-29
printf 'Ngày 3/4/2024, Bộ Y tế ban hành Quyết định số 1234/QĐ-BYT ngày 31/02/2024 về khám bệnh.\n' >"$TMP/qd.txt"
"$YTEGRAPH" build -q -o "$TMP/qd.ttl" -o "$TMP/qd.nt" "$TMP/qd.txt" 2>/dev/null
check "an impossible document date is not written as xsd:date (Turtle, N-Triples)" sh -c '! grep -q "2024-02-31" "$0" "$1" && grep -q legislationIdentifier "$0"' "$TMP/qd.ttl" "$TMP/qd.nt"
# a partial metadata date is part of the headline, not cut inside a character
printf 'date 2025-07 Giám đốc Sở Y tế Hà Nội họp.\nBệnh viện Bạch Mai khám bệnh.\n' >"$TMP/partial-date.txt"
"$YTEGRAPH" build -q -o "$TMP/partial-date.ttl" "$TMP/partial-date.txt"
check "a partial metadata date: the Turtle parses" rapper -q -i turtle -c "$TMP/partial-date.ttl" https://example.org/
check "... and the headline is whole" grep -q 'headline "date 2025-07 Giám đốc Sở Y tế Hà Nội họp."@vi' "$TMP/partial-date.ttl"
finish
