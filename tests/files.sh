#!/bin/sh
# Files put at risk: an output naming an input, the tool's own outputs
# read back as articles, --strict and partial graphs, temporary files left
# by a signal, modes, symlinks (issue #14, part 3).
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
A="$EX/01-ha-noi-benh-vien-ve-tinh.txt"

# ---- an output that is an input ----
mkdir -p "$TMP/in"
cp "$EX"/*.txt "$TMP/in/"
cp "$TMP/in/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/orig.txt"
check "-o naming an input is a usage error (2)" exit_is 2 "$YTEGRAPH" build -o "$TMP/in/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/in"
check "... naming it" stderr_has "refusing to write over an input"
check "... and the input is intact" cmp -s "$TMP/orig.txt" "$TMP/in/01-ha-noi-benh-vien-ve-tinh.txt"
ln -s "$TMP/in/01-ha-noi-benh-vien-ve-tinh.txt" "$TMP/alias.txt"
check "... also through a symbolic link" exit_is 2 "$YTEGRAPH" build -o "$TMP/alias.txt" "$TMP/in"

# ---- the tool's own entity list in an input folder is no article ----
count() { "$YTEGRAPH" build -q -o "$TMP/in/entities.txt" "$TMP/in" 2>"$TMP/count.err"; tail -n +2 "$TMP/in/entities.txt" | wc -l; }
n1=$(count); n2=$(count); n3=$(count)
check "an entity list written into the input folder is not read back ($n1 -> $n2 -> $n3 entities)" \
	sh -c 'test "$0" -eq "$1" && test "$1" -eq "$2"' "$n1" "$n2" "$n3"
check "... said as a warning, exit 0" sh -c '"$0" build -q -o "$1/in/entities.txt" "$1/in" 2>"$1/w.err" && grep -q "entity list written by ytegraph" "$1/w.err"' "$YTEGRAPH" "$TMP"

# ---- --strict leaves the old output ----
printf '%s\n' '{"id":"a","text":"Bệnh viện Bạch Mai ở Hà Nội."}' '{"id":' '{"id":"c","text":"Sở Y tế Huế."}' >"$TMP/bad.jsonl"
for ext in ttl nq svg tsv; do
	printf 'old output\n' >"$TMP/strict.$ext"
done
check "--strict with a malformed record exits 1" exit_is 1 "$YTEGRAPH" build --jsonl --strict -o "$TMP/strict.ttl" -o "$TMP/strict.nq" -o "$TMP/strict.svg" -o "$TMP/strict.tsv" "$TMP/bad.jsonl"
check "... and replaces no output with a partial graph" sh -c 'for f in "$0"/strict.*; do grep -qx "old output" "$f" || exit 1; done' "$TMP"
check "... saying so" stderr_has "no output written"
check "--strict -j 2 (records parsed by the workers) keeps the old output too" sh -c '"$0" build -q --jsonl --strict -j 2 -o "$1/strict.ttl" "$1/bad.jsonl" 2>/dev/null; test $? -eq 1 && grep -qx "old output" "$1/strict.ttl"' "$YTEGRAPH" "$TMP"
check "--strict --stream keeps the old N-Quads" sh -c '"$0" build -q --jsonl --strict --stream -o "$1/strict.nq" "$1/bad.jsonl" 2>/dev/null; test $? -eq 1 && grep -qx "old output" "$1/strict.nq"' "$YTEGRAPH" "$TMP"

# ---- signals remove the temporary files ----
# A JSON Lines stream that stays open keeps the run (and its temporaries)
# alive until the signal.  Python starts it with the signal's default
# disposition (a shell's background job would ignore SIGINT).
for sig in INT TERM HUP; do
	rm -rf "$TMP/sig" && mkdir -p "$TMP/sig"
	printf 'old\n' >"$TMP/sig/g.nq"
	res=$(timeout 60 "$PY" - "$YTEGRAPH" "$TMP/sig" "$sig" <<'PYEOF'
import os, signal, subprocess, sys, time
exe, d, sig = sys.argv[1], sys.argv[2], getattr(signal, "SIG" + sys.argv[3])
def dfl():
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)
p = subprocess.Popen([exe, "build", "-q", "--jsonl", "--stream", "-o", d + "/g.nq", "-"],
                     stdin=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=dfl)
p.stdin.write('{"id":"a","text":"Bệnh viện Bạch Mai ở Hà Nội."}\n'.encode())
p.stdin.flush()
had = 0
for _ in range(200):
    had = sum(".tmp-" in f for f in os.listdir(d))
    if had:
        break
    time.sleep(0.05)
p.send_signal(sig)
rc = p.wait(timeout=30)
print(had, sum(".tmp-" in f for f in os.listdir(d)), rc)
PYEOF
)
	set -- $res
	check "SIG$sig during a run removes the temporary files (${1:-?} before, ${2:-?} after; exit ${3:-?})" \
		sh -c 'test "$0" -ge 1 && test "$1" -eq 0 && test "$2" -lt 0' "${1:-0}" "${2:-1}" "${3:-0}"
	check "... and the old output stays" grep -qx old "$TMP/sig/g.nq"
done

# ---- modes and symbolic links ----
mkdir -p "$TMP/mode"
(umask 027 && "$YTEGRAPH" build -q -o "$TMP/mode/new.ttl" "$A")
check "a new output honours the umask (027 -> 640)" sh -c 'test "$(stat -c %a "$0")" = 640' "$TMP/mode/new.ttl"
(umask 002 && "$YTEGRAPH" build -q -o "$TMP/mode/new2.ttl" "$A")
check "... (002 -> 664)" sh -c 'test "$(stat -c %a "$0")" = 664' "$TMP/mode/new2.ttl"
printf 'x\n' >"$TMP/mode/old.ttl"
chmod 600 "$TMP/mode/old.ttl"
"$YTEGRAPH" build -q -o "$TMP/mode/old.ttl" "$A"
check "an existing output keeps its mode (600)" sh -c 'test "$(stat -c %a "$0")" = 600 && grep -q "@prefix" "$0"' "$TMP/mode/old.ttl"
mkdir -p "$TMP/mode/real"
printf 'x\n' >"$TMP/mode/real/graph.ttl"
ln -s real/graph.ttl "$TMP/mode/link.ttl"
"$YTEGRAPH" build -q -o "$TMP/mode/link.ttl" "$A"
check "an output symlink stays a symlink" test -L "$TMP/mode/link.ttl"
check "... and the file it points to is written" grep -q "@prefix" "$TMP/mode/real/graph.ttl"
ln -s real/new.ttl "$TMP/mode/dangling.ttl"
"$YTEGRAPH" build -q -o "$TMP/mode/dangling.ttl" "$A"
check "a dangling output symlink: the file it names is created, the link kept" sh -c 'test -L "$0" && grep -q "@prefix" "$1"' "$TMP/mode/dangling.ttl" "$TMP/mode/real/new.ttl"
check "no temporary file is left" sh -c '! ls -R "$0" | grep -q "\.tmp-"' "$TMP/mode"

# ---- symbolic links between input folders ----
mkdir -p "$TMP/sib/a" "$TMP/sib/b"
cp "$A" "$TMP/sib/a/x.txt"
cp "$EX/02-tphcm-cap-cuu.txt" "$TMP/sib/b/y.txt"
ln -s ../b "$TMP/sib/a/to-b"
check "a symlink to a sibling folder is no loop (exit 0)" exit_is 0 "$YTEGRAPH" extract "$TMP/sib"
check "... and each article is read once" sh -c 'test "$(wc -l <"$0")" -eq 2' "$TMP/.stdout"
finish
