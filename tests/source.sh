#!/bin/sh
# Knowledge lives in data (#11): no Vietnamese word in a string literal of
# src/ (comments may quote the language); the words are ontology/lexicon/.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/literals.py" <<'PY'
import re, sys, glob, unicodedata
def vietnamese(ch):
    o = ord(ch)
    in_range = 0xC0 <= o <= 0x24F or 0x1E00 <= o <= 0x1EFF or 0x300 <= o <= 0x36F
    return in_range and unicodedata.category(ch)[0] in "LM"
bad = []
for path in sorted(glob.glob(sys.argv[1] + "/src/*.[ch]")):
    text = open(path, encoding="utf-8").read()
    # comments out, line numbers kept
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    for n, line in enumerate(text.split("\n"), 1):
        for lit in re.findall(r'"(?:[^"\\\n]|\\.)*"', line):
            if any(vietnamese(c) for c in unicodedata.normalize("NFD", lit) + lit):
                bad.append("%s:%d: %s" % (path, n, lit))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
check "no Vietnamese word in a string literal in src/" python3 "$TMP/literals.py" "$top_srcdir"

# the check itself finds one
mkdir -p "$TMP/tree/src"
printf '/* "Bệnh viện" in a comment is fine */\nstatic const char *w = "hỗ trợ";\n' >"$TMP/tree/src/x.c"
check "... and finds one when there is" sh -c '! python3 "$0" "$1" >/dev/null' "$TMP/literals.py" "$TMP/tree"
printf '/* "Bệnh viện" in a comment is fine */\nstatic const char *w = "a · b → c";\n' >"$TMP/tree/src/x.c"
check "... but not in a comment or in punctuation" python3 "$TMP/literals.py" "$TMP/tree"

# the diagram words come from the lexicon: a changed word changes the picture
cp -r "$top_srcdir/ontology" "$TMP/data"
sed -i 's/"sáp nhập vào"@vi/"hợp nhất vào"@vi/' "$TMP/data/lexicon/display.ttl"
"$YTEGRAPH" build -q --data-dir "$TMP/data" -o "$TMP/ex.dot" "$top_srcdir/examples"
check "diagram words are data (lexicon/display.ttl)" grep -q "hợp nhất vào" "$TMP/ex.dot"

finish
