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
finish
