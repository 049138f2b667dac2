#!/bin/sh
# The command-line contract: commands, options, inputs, exit codes.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"

check "--help shows usage, formats and examples" sh -c '"$0" --help | grep -q "Usage: ytegraph" && "$0" --help | grep -q "\.png" && "$0" --help | grep -q "Examples:"' "$YTEGRAPH"
check "build --help works too" sh -c '"$0" build --help | grep -q -- "--focus"' "$YTEGRAPH"
check "--version prints the version" sh -c '"$0" --version | grep -q "^ytegraph [0-9]"' "$YTEGRAPH"
check "no command is a usage error (2)" exit_is 2 "$YTEGRAPH"
check "unknown command is a usage error (2)" exit_is 2 "$YTEGRAPH" frobnicate x
check "no INPUT is a usage error (2)" exit_is 2 "$YTEGRAPH" build
check "unknown option is a usage error (2)" exit_is 2 "$YTEGRAPH" build --bogus "$EX"
check "unknown output extension is a usage error" exit_is 2 "$YTEGRAPH" build -o x.docx "$EX"
check "... naming the file" stderr_has "x.docx"
check "bad --type is a usage error" exit_is 2 "$YTEGRAPH" entities --type Planet "$EX"
check "bad --base is a usage error" exit_is 2 "$YTEGRAPH" build --base "not an iri" "$EX"
check "bad --date is a usage error" exit_is 2 "$YTEGRAPH" extract --date 2024-13-45 "$EX"
check "bad --encoding is a usage error" exit_is 2 "$YTEGRAPH" extract --encoding latin-9 "$EX"

# inputs: file, directory, stdin
check "a directory is read recursively" sh -c '"$0" extract "$1" | wc -l | grep -qx 4' "$YTEGRAPH" "$EX"
mkdir -p "$TMP/nested/deeper"
cp "$EX"/01-*.txt "$TMP/nested/deeper/a.txt"
echo "not an article" >"$TMP/nested/notes.md"
check "nested *.txt found, other files ignored" sh -c '"$0" extract "$1" | wc -l | grep -qx 1' "$YTEGRAPH" "$TMP/nested"
check "document id is the file name without folder and extension" sh -c '"$0" extract "$1" | grep -q "^{\"doc\":\"a\""' "$YTEGRAPH" "$TMP/nested"
check "- reads standard input" sh -c 'printf "Đoàn công tác đến Lào Cai.\n" | "$0" extract - | grep -q "\"doc\":\"stdin\".*Lào Cai"' "$YTEGRAPH"
check "build without -o writes Turtle to stdout" sh -c '"$0" build -q "$1" | grep -q "@prefix ytg:"' "$YTEGRAPH" "$EX"
check "--date fills documents without a date" sh -c 'printf "Tin Huế\nĐoàn đến Huế.\n" | "$0" extract --date 2025-05-05 - | grep -q "\"date\":\"2025-05-05\""' "$YTEGRAPH"
check "extract --format text is readable" sh -c '"$0" extract --format text "$1" | grep -q "^# 01-ha-noi"' "$YTEGRAPH" "$EX"

# entities
check "entities table is aligned with a header" sh -c '"$0" entities "$1" | head -1 | grep -q "^TYPE  *LABEL  *MENTIONS"' "$YTEGRAPH" "$EX"
check "entities --type filters" sh -c '"$0" entities --format tsv --type Province "$1" | tail -n +2 | cut -f1 | sort -u | grep -qx Province' "$YTEGRAPH" "$EX"
check "entities csv quotes fields" sh -c '"$0" entities --format csv "$1" | head -1 | grep -q "^\"type\",\"label\",\"iri\""' "$YTEGRAPH" "$EX"
check "entities jsonl parses as JSON" sh -c '"$0" entities --format jsonl "$1" | "$2" -c "import json,sys; [json.loads(l) for l in sys.stdin]"' "$YTEGRAPH" "$EX" "$PY"
check "entities lists mention counts and documents" sh -c '"$0" entities --format tsv "$1" | grep -P "^Province\tHà Nội\thttps://w3id.org/ytegraph/id/province/ha-noi\t[1-9][0-9]*\t" ' "$YTEGRAPH" "$EX"
check "-o is only for build" exit_is 2 "$YTEGRAPH" extract -o x.ttl "$EX"

# numbers and dates are parsed whole (usage error 2, the value named)
for bad in "-j 2x" "-j 4294967298" "-j 0" "-j -1" "-j ''" "--depth 2abc" "--depth 11"; do
	eval "set -- $bad"
	check "$bad is a usage error (2)" exit_is 2 "$YTEGRAPH" build -q --focus "Hà Nội" -o "$TMP/n.dot" "$@" "$EX"
	check "... naming the value" stderr_has "\"$2\""
done
for bad in 2025-04-31 2024-02-30 2023-02-29 2024-1-01 "2024- 1-01" 2024-01-01x 20240101; do
	check "--date $bad is a usage error (2)" exit_is 2 "$YTEGRAPH" extract --date "$bad" "$EX"
	check "... naming the value" stderr_has "\"$bad\""
done
check "--date 2024-02-29 (a leap day) is accepted" exit_is 0 "$YTEGRAPH" extract --date 2024-02-29 "$EX"
# --layout is checked before any work; nop draws nothing
printf 'old diagram\n' >"$TMP/keep.svg"
check "--layout frob is a usage error (2)" exit_is 2 "$YTEGRAPH" build --layout frob -o "$TMP/keep.svg" "$EX"
check "... before any work (no summary line)" sh -c '! grep -q "document(s)" "$0"' "$TMP/.stderr"
check "--layout nop is a usage error (2)" exit_is 2 "$YTEGRAPH" build --layout nop -o "$TMP/keep.svg" "$EX"
check "... and the old diagram is kept" grep -qx "old diagram" "$TMP/keep.svg"
check "--layout neato is accepted" exit_is 0 "$YTEGRAPH" build -q --layout neato -o "$TMP/neato.svg" "$EX"
# one message for an unknown option
check "an unknown option: exit 2" exit_is 2 "$YTEGRAPH" build --bogus "$EX"
check "... one message naming it" sh -c 'test "$(grep -c "bogus" "$0")" -eq 1 && grep -q "unknown option .--bogus." "$0"' "$TMP/.stderr"
check "an unknown short option: exit 2 and one message" sh -c '"$0" build -Z "$1" 2>"$2"; test $? -eq 2 && test "$(grep -c -- "-Z" "$2")" -eq 1' "$YTEGRAPH" "$EX" "$TMP/z.err"
check "a missing option value says so" sh -c '"$0" build "$1" -o 2>"$2"; test $? -eq 2 && grep -q "missing value for option .-o." "$2"' "$YTEGRAPH" "$EX" "$TMP/m.err"
check "... also for a long option" sh -c '"$0" extract "$1" --date 2>"$2"; test $? -eq 2 && grep -q "missing value for option .--date." "$2"' "$YTEGRAPH" "$EX" "$TMP/m2.err"
# options that do not apply to the command
check "extract --type is a usage error" exit_is 2 "$YTEGRAPH" extract --type Hospital "$EX"
check "... saying which commands take it" stderr_has "does not apply to 'extract'"
check "entities --focus is a usage error" exit_is 2 "$YTEGRAPH" entities --focus "Hà Nội" "$EX"
check "build --format is a usage error" exit_is 2 "$YTEGRAPH" build --format csv -o "$TMP/f.ttl" "$EX"
check "entities --format turtle is a usage error" exit_is 2 "$YTEGRAPH" entities --format turtle "$EX"
check "--depth without --focus is a usage error" exit_is 2 "$YTEGRAPH" build --depth 2 -o "$TMP/d.dot" "$EX"
check "--strict without --jsonl is a usage error" exit_is 2 "$YTEGRAPH" extract --strict "$EX"
check "build --focus with no diagram output warns" exit_is 0 "$YTEGRAPH" build --focus "Hà Nội" -o "$TMP/w.ttl" "$EX"
check "... naming the option" stderr_has "warning: --focus applies to diagrams"
# --focus matches the way the extractor matches names
for f in "sở y tế hà nội" "  Sở Y tế   Hà Nội " "SỞ Y TẾ HÀ NỘI" "$(printf 'So\314\233\314\211 Y te\314\202\314\201 Ha\314\200 No\314\202\314\243i')" "Sở Y tế Hoà Bình"; do
	check "--focus \"$f\" finds the entity (case, NFD, tone-mark placement, spaces)" exit_is 0 "$YTEGRAPH" build -q --focus "$f" -o "$TMP/focus.dot" "$EX"
done
check "an unknown --focus: exit 1" exit_is 1 "$YTEGRAPH" build -q --focus "Sở Y tế Hà Nộ" -o "$TMP/focus.dot" "$EX"
check "... listing the closest labels" stderr_has 'the closest labels: "Sở Y tế Hà Nội"'
# folders without *.txt
mkdir -p "$TMP/empty-dir" "$TMP/upper-dir"
cp "$EX"/01-*.txt "$TMP/upper-dir/A.TXT"
check "a folder with no *.txt: exit 1" exit_is 1 "$YTEGRAPH" extract "$TMP/empty-dir"
check "... saying so" stderr_has "empty-dir: no \*.txt file in this folder"
check "a folder with only *.TXT: exit 1" exit_is 1 "$YTEGRAPH" extract "$TMP/upper-dir"
check "... saying that names are case-sensitive" stderr_has "upper-dir: no \*.txt file.*case-sensitive"
# the entity table on a terminal is no wider than it
check "entities on a 70-column terminal: no line wider than 70" "$PY" - "$YTEGRAPH" "$EX" <<'PYEOF'
import fcntl, os, pty, struct, subprocess, sys, termios
m, s = pty.openpty()
fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 70, 0, 0))
p = subprocess.Popen([sys.argv[1], "entities", "-q", sys.argv[2]], stdout=s, stderr=subprocess.DEVNULL)
os.close(s)
out = b""
while True:
    try:
        d = os.read(m, 65536)
    except OSError:
        break
    if not d:
        break
    out += d
p.wait()
lines = [l for l in out.decode("utf-8").replace("\r", "").split("\n") if l]
wide = [l for l in lines if len(l) > 70]
print("# %d lines, widest %d" % (len(lines), max(map(len, lines))))
sys.exit(1 if wide or len(lines) < 10 else 0)
PYEOF
finish
