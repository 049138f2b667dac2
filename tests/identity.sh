#!/bin/sh
# Graph identity of documents: a provincial document (-NQ/TU, /NQ-HĐND,
# /QĐ-UBND ...) is its issuer's province's, so the same number issued in
# two provinces is two nodes, and a national one (/TT-BYT) cited in two
# provinces is one node (doc/RULES.md, issuer.code).  Articles written for
# this test.
. "$(dirname "$0")/lib.sh"

resolutions() { # resolutions FILE...: the sorted Resolution IRIs of a graph of FILEs
	"$YTEGRAPH" build -q "$@" | grep -o '<[^>]*/resolution/[^>]*>' | sort -u
}

printf 'Tỉnh ủy Nghệ An học tập nghị quyết\nNgày 5/3/2025, Tỉnh ủy Nghệ An ban hành Nghị quyết số 08-NQ/TU về phát triển y tế cơ sở.\n' >"$TMP/a.txt"
printf 'Tỉnh ủy Thanh Hóa học tập nghị quyết\nNgày 6/3/2025, Tỉnh ủy Thanh Hóa ban hành Nghị quyết số 08-NQ/TU về chăm sóc sức khỏe người cao tuổi.\n' >"$TMP/b.txt"
resolutions "$TMP/a.txt" "$TMP/b.txt" >"$TMP/tu"
check "08-NQ/TU of two Tỉnh ủy: two documents" test "$(wc -l <"$TMP/tu")" -eq 2
check "... each IRI names its issuer's province" sh -c 'grep -q "/resolution/nghe-an/08-nq-tu>" "$0" && grep -q "/resolution/thanh-hoa/08-nq-tu>" "$0"' "$TMP/tu"

printf 'HĐND tỉnh Nghệ An họp\nNgày 10/7/2024, HĐND tỉnh thông qua Nghị quyết số 15/2024/NQ-HĐND về chính sách thu hút bác sĩ.\n' >"$TMP/c.txt"
printf 'HĐND tỉnh Thanh Hóa họp\nNgày 11/7/2024, HĐND tỉnh thông qua Nghị quyết số 15/2024/NQ-HĐND về hỗ trợ trạm y tế xã.\n' >"$TMP/d.txt"
resolutions "$TMP/c.txt" "$TMP/d.txt" >"$TMP/hdnd"
check "15/2024/NQ-HĐND of two provinces: two documents" test "$(wc -l <"$TMP/hdnd")" -eq 2

# "của" names the issuer in another province than the article's
printf 'Sở Y tế Hà Nội học tập kinh nghiệm\nĐoàn nghiên cứu Nghị quyết số 08-NQ/TU của Tỉnh ủy Nghệ An về y tế cơ sở.\n' >"$TMP/e.txt"
resolutions "$TMP/e.txt" >"$TMP/of"
check "a provincial document is its issuer's province's, not the article's" grep -q "/resolution/nghe-an/08-nq-tu>" "$TMP/of"

printf 'Sở Y tế Nghệ An triển khai Thông tư số 32/2023/TT-BYT.\n' >"$TMP/f.txt"
printf 'Sở Y tế Thanh Hóa triển khai Thông tư số 32/2023/TT-BYT.\n' >"$TMP/g.txt"
resolutions "$TMP/f.txt" "$TMP/g.txt" >"$TMP/byt"
check "a national document cited in two provinces: one document" test "$(wc -l <"$TMP/byt")" -eq 1
check "... with no province in its IRI" grep -q "/resolution/32-2023-tt-byt>" "$TMP/byt"
finish
