#!/bin/sh
# Growth: every pass over a document or a corpus is linear or n log n.
# Each shape of input that once took time growing with the square of its
# size (issue #14, part 1) is fed at size N and 4N; the case fails when the
# time ratio exceeds 6 (linear is 4, quadratic 16).  Times are the best of
# three runs less the start-up time (the same command on a one-line
# input), CPU time taken in this one run: a ratio, never a fixed time
# (10 in a sanitizer build, see below).  N
# is doubled (at most four times) until a run takes 0.25 s more than
# start-up; a ratio over the limit is measured once more at 2N and 8N,
# and if still over, judged on callgrind's instruction counts of N and 4N.
#
# Shapes in the extraction layer that are still quadratic are marked TODO
# with the file that holds them: they are reported, not counted as
# failures, until fixed (then the mark goes).
. "$(dirname "$0")/lib.sh"
LIMIT=6
# Under AddressSanitizer freed memory waits in quarantine and every access
# is checked, so time grows faster than the work on big inputs (renamings
# gave 6.8 on a shape whose instruction count grows 3.3-3.8x for 4N): the
# limit there is 10, still below what a quadratic pass gives (12-27 on the
# issue's samples).
[ "${YG_SANITIZERS:-no}" = no ] || LIMIT=10

# gen.py SHAPE N OUT: the input of a shape at size N
cat >"$TMP/gen.py" <<'PYEOF'
import json, os, sys
shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def text(s):
    open(out, "w", encoding="utf-8").write(s)
if shape == "lede-dates":          # docdate.c: the year of each "Ngày 21/2" lede
    text("Tin y tế\n" + "Ngày 21/2 họp. " * n + "\n")
elif shape == "jsonl-keys":        # corpus.c: the duplicate-key check
    rec = {"id": "k", "text": "Bệnh viện Bạch Mai ở Hà Nội."}
    rec.update(("k%d" % i, i) for i in range(n))
    text(json.dumps(rec, ensure_ascii=False) + "\n")
elif shape == "located-in":        # relate.c: locatedIn per sentence
    text("Bệnh viện Bạch Mai, " * n + "Hà Nội.\n")
elif shape == "mention-spans":     # relate.c: add_span
    text("".join("Sở Y tế Hà Nội họp lần %d.\n" % i for i in range(n)))
elif shape == "satellite":         # relate.c: satellite cues in one sentence
    text("Bệnh viện Bạch Mai có " + "Bệnh viện Đa khoa Phú Thọ là bệnh viện vệ tinh của Bệnh viện Bạch Mai, " * n + "cả năm.\n")
elif shape == "support":           # relate.c: support cues in one sentence
    text("Bệnh viện Bạch Mai hỗ trợ " + "Bệnh viện Đa khoa Phú Thọ, hỗ trợ " * n + "Bệnh viện E.\n")
elif shape == "issuers":           # relate.c: issuer_concept per resolution
    text("Bộ Y tế ban hành " + "".join("Quyết định số %d/QĐ-BYT, " % (i + 1) for i in range(n)) + "về khám bệnh.\n")
elif shape == "merger-list":       # merge.c: a cue in each item of a list after a colon
    text("Sở Y tế hợp nhất các đơn vị sau:\n" + "".join("- Trung tâm Y tế huyện A%d sáp nhập:\n" % i for i in range(n)))
elif shape == "table-row":         # table.c: one row of many cells under a header
    text("| TT | Tỉnh | Họ và tên | Chức vụ |\n| 1 | Lào Cai | " + "Giám đốc Sở Y tế | " * n + "\n")
elif shape == "shared-title":      # official.c: one title, a list of many names
    text("Có các Phó Giám đốc Sở Y tế Lào Cai: " + ", ".join("Nguyễn Văn A%d" % i for i in range(n)) + ".\n")
elif shape == "sides":             # resolve.c: many sides in one sentence
    text("Dự họp, " + "; ".join("về phía Sở Y tế tỉnh Lào Cai có ông Trần Văn An, Giám đốc Sở Y tế" for _ in range(n)) + ".\n")
elif shape == "renames":           # resolve.c: many renamings
    text("".join("Đổi tên Bệnh viện Đa khoa khu vực A%d thành Bệnh viện Đa khoa B%d.\n" % (i, i) for i in range(n)))
elif shape == "between":           # partner.c: every pair after "giữa"
    text("Ký kết giữa " + ", ".join("Bệnh viện Đa khoa A%d" % i for i in range(n)) + ".\n")
elif shape == "folders":           # read.c: directories entered
    os.makedirs(out)
    for i in range(n):
        os.makedirs(os.path.join(out, "d%05d" % i))
    open(os.path.join(out, "d00000", "a.txt"), "w", encoding="utf-8").write("Bệnh viện Bạch Mai ở Hà Nội.\n")
PYEOF

# measure SHAPE N CMD...: prints "tN t4N ratio" (CMD ends with the input)
cat >"$TMP/measure.py" <<'PYEOF'
import os, re, shutil, subprocess, sys
gen, tmp, shape, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
n0 = n
limit = float(sys.argv[5])
cmd = sys.argv[6:]
def make(size):
    out = "%s/%s-%d%s" % (tmp, shape, size, "" if shape == "folders" else (".jsonl" if shape == "jsonl-keys" else ".txt"))
    if not os.path.exists(out):
        subprocess.check_call([sys.executable, gen, shape, str(size), out])
    return out
def once(path):
    p = subprocess.Popen(cmd + [path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    return ru.ru_utime + ru.ru_stime
def best(path):
    # CPU time of the child (user + system): other work on the machine
    # stretches wall-clock time, much less the CPU time a run needs
    return min(once(path) for _ in range(3))
base = best(make(1))
# a ratio of times near the start-up cost is noise (0.06 s gave 4 to 7
# on a busy machine): double N (one run each) until a run takes a quarter
# of a second more than start-up, at most four times
for _ in range(4):
    if once(make(n)) - base >= 0.25:
        break
    n *= 2
def ratio(n):
    t1, t4 = best(make(n)) - base, best(make(4 * n)) - base
    return t1, t4, t4 / max(t1, 1e-3), n
r = ratio(n)
# one more try at twice the size when the limit is passed: a busy machine
# (or a sanitizer's allocator) gave 6.06 and 6.46 on linear shapes once,
# while a quadratic shape gives 12 to 16 at every size
if r[2] > limit:
    r = min(r, ratio(2 * n), key=lambda x: x[2])
kind = "time"
# still over: count the instructions (callgrind), which no other load on
# the machine changes; the memory of a big input can make time grow faster
# than the work (renamings: 6.11 in time, 3.3-3.8 in instructions).  Not
# under a sanitizer, which valgrind cannot run.
if r[2] > limit and os.environ.get("YG_SANITIZERS", "no") in ("", "no") and shutil.which("valgrind"):
    def instr(path):
        err = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd + [path],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
        m = re.search(r"refs:\s+([\d,]+)", err)
        return int(m.group(1).replace(",", "")) if m else 0
    b = instr(make(1))
    i1, i4 = instr(make(n0)) - b, instr(make(4 * n0)) - b
    if i1 > 0 and i4 > 0:
        r = (i1 / 1e6, i4 / 1e6, i4 / i1, n0)
        kind = "instructions"
print("%.3f %.3f %.2f %d %s" % (r + (kind,)))
PYEOF

growth() { # growth NAME SHAPE N TODO-FILE COMMAND...
	_name=$1 _shape=$2 _size=$3 _todo=$4
	shift 4
	_m=$("$PY" "$TMP/measure.py" "$TMP/gen.py" "$TMP" "$_shape" "$_size" "$LIMIT" "$@" 2>"$TMP/measure.err" || echo "exit status $?" >>"$TMP/measure.err")
	if [ -z "$_m" ]; then
		# a measurement that printed nothing (seen twice under load, cause
		# unknown): say why, then measure once more
		sed 's/^/# measure: /' "$TMP/measure.err"
		_m=$("$PY" "$TMP/measure.py" "$TMP/gen.py" "$TMP" "$_shape" "$_size" "$LIMIT" "$@" 2>"$TMP/measure.err" || echo "exit status $?" >>"$TMP/measure.err")
		[ -n "$_m" ] || sed 's/^/# measure: /' "$TMP/measure.err"
	fi
	set -- $_m
	_n=$((_n + 1))
	if [ "${5:-time}" = instructions ]; then
		_desc="$_name: time over the limit twice; instructions N=$4 ${1}M, 4N ${2}M, ratio $3 (limit $LIMIT)"
	else
		_desc="$_name: N=$4 ${1}s, 4N ${2}s, ratio $3 (limit $LIMIT)"
	fi
	if [ -n "$3" ] && awk -v r="$3" -v l="$LIMIT" 'BEGIN { exit !(r + 0 > 0 && r <= l) }'; then
		echo "ok $_n - $_desc${_todo:+ # TODO lead: $_todo}"
	else
		echo "not ok $_n - $_desc${_todo:+ # TODO lead: $_todo}"
		[ -n "$_todo" ] || _failed=$((_failed + 1))
	fi
}

Y="$YTEGRAPH"
growth "lede dates without a year (docdate.c)" lede-dates 80000 "" "$Y" extract
growth "JSON Lines record with many keys (corpus.c)" jsonl-keys 100000 "" "$Y" extract --jsonl
growth "folders entered (read.c)" folders 6000 "" "$Y" extract
growth "one hospital repeated on one line: locatedIn per sentence" located-in 60000 "" "$Y" extract
growth "mention spans of one body on many lines (add_span)" mention-spans 50000 "" "$Y" extract
growth "satellite cues in one sentence" satellite 20000 "" "$Y" extract
growth "support cues in one sentence" support 40000 "" "$Y" extract
growth "issuer lookup of many resolutions (issuer_concept)" issuers 20000 "" "$Y" extract
growth "a merger cue in each item of a list after a colon (merge.c)" merger-list 20000 "" "$Y" extract
growth "one table row of many cells (table.c)" table-row 20000 "" "$Y" extract
growth "one title shared by many names (official.c)" shared-title 20000 "" "$Y" extract
growth "many sides in one sentence (resolve.c)" sides 5000 "" "$Y" extract
growth "many renamings (resolve.c)" renames 5000 "" "$Y" extract
growth "every pair of a long list after giữa (partner.c)" between 20000 "" "$Y" extract
# alias lists across many articles: graph.c, timed in-process (best of
# two runs; over the limit, measured once more at twice the size)
alias_ratio() { # alias_ratio N: sets best1 best4 ratio
	set -- $("$top_builddir/tests/growth_graph" "$1") $("$top_builddir/tests/growth_graph" "$1")
	best1=$(awk -v a="$2" -v b="$5" 'BEGIN { print (a < b ? a : b) }')
	best4=$(awk -v a="$3" -v b="$6" 'BEGIN { print (a < b ? a : b) }')
	ratio=$(awk -v a="$best1" -v b="$best4" 'BEGIN { printf "%.2f", b / (a > 0.001 ? a : 0.001) }')
}
alias_n=80000
alias_ratio $alias_n
if awk -v r="$ratio" -v l="$LIMIT" 'BEGIN { exit !(r > l) }'; then
	alias_n=160000
	alias_ratio $alias_n
fi
check "alias list of one entity over N=$alias_n and 4N articles (graph.c): ${best1}s, ${best4}s, ratio $ratio (limit $LIMIT)" \
	awk -v r="$ratio" -v l="$LIMIT" 'BEGIN { exit !(r <= l) }'
finish
