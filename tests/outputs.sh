#!/bin/sh
# Every output format, checked by the tools users load it with: rapper and
# rdflib for RDF, a SHACL validator against ontology/shapes.ttl, graphviz
# for DOT, the PNG header; determinism and atomic writes.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
O="$TMP/out"
mkdir -p "$O"
check "build writes every format" "$YTEGRAPH" build -q -o "$O/g.ttl" -o "$O/g.nt" -o "$O/g.nq" -o "$O/g.rdf" \
	-o "$O/g.dot" -o "$O/g.png" -o "$O/g.svg" -o "$O/e.tsv" -o "$O/e.csv" -o "$O/e.jsonl" "$EX"

for f in ttl:turtle nt:ntriples nq:nquads rdf:rdfxml; do
	ext=${f%%:*}
	syn=${f#*:}
	check "rapper parses the .$ext output" rapper -q -i "$syn" -c "$O/g.$ext"
done
if "$PY" -c "import rdflib" 2>/dev/null; then
	for f in ttl:turtle nt:nt nq:nquads rdf:xml; do
		ext=${f%%:*}
		fmt=${f#*:}
		check "rdflib parses the .$ext output" "$PY" -c "
import rdflib, sys
g = rdflib.Dataset() if '$fmt' == 'nquads' else rdflib.Graph()
g.parse('$O/g.$ext', format='$fmt')
assert len(g) > 0 if '$fmt' != 'nquads' else sum(1 for _ in g.quads((None, None, None, None))) > 0
"
	done
	check "the same triples in Turtle, N-Triples and RDF/XML" "$PY" -c "
import rdflib
from rdflib.compare import isomorphic
a = rdflib.Graph().parse('$O/g.ttl', format='turtle')
b = rdflib.Graph().parse('$O/g.nt', format='nt')
c = rdflib.Graph().parse('$O/g.rdf', format='xml')
assert isomorphic(a, b) and isomorphic(a, c), (len(a), len(b), len(c))
"
	check "Turtle has labels in Vietnamese and Wikidata links" "$PY" -c "
import rdflib
g = rdflib.Graph().parse('$O/g.ttl', format='turtle')
ytg = rdflib.Namespace('https://w3id.org/ytegraph/ontology#')
hn = rdflib.URIRef('https://w3id.org/ytegraph/id/province/ha-noi')
assert (hn, rdflib.RDF.type, ytg.Province) in g
assert rdflib.Literal('Hà Nội', lang='vi') in set(g.objects(hn, rdflib.RDFS.label))
assert rdflib.URIRef('http://www.wikidata.org/entity/Q1858') in set(g.objects(hn, rdflib.OWL.sameAs))
arts = set(g.subjects(rdflib.RDF.type, rdflib.URIRef('https://schema.org/NewsArticle')))
assert len(arts) == 4, arts
"
	check "N-Quads: one named graph per article" "$PY" -c "
import rdflib
d = rdflib.Dataset(); d.parse('$O/g.nq', format='nquads')
names = {str(c.identifier) for c in d.contexts() if str(c.identifier).startswith('https://w3id.org/ytegraph/id/article/')}
assert len(names) == 4, names
"
else
	skip "rdflib checks" "python3-rdflib is not installed"
fi

SHACL="$top_srcdir/tests/shacl"
if [ -d "$SHACL/node_modules/rdf-validate-shacl" ] && command -v node >/dev/null; then
	check "Turtle output conforms to ontology/shapes.ttl (SHACL)" node "$SHACL/validate-shacl.mjs" "$O/g.ttl" "$top_srcdir/ontology/shapes.ttl"
	sed 's/ytg:mentionCount [0-9]*/ytg:mentionCount 0/' "$O/g.ttl" >"$TMP/broken.ttl"
	check "the SHACL check catches a broken graph" exit_is 1 node "$SHACL/validate-shacl.mjs" "$TMP/broken.ttl" "$top_srcdir/ontology/shapes.ttl"
else
	skip "SHACL validation" "run scripts/setup-debian.sh --tests to install the validator"
fi
# N-Quads: the article graphs hold what each article asserts, the default
# graph the merged description of each entity, so their union is the
# Turtle graph and conforms to the same shapes (one label per entity).
"$YTEGRAPH" build -q --stream -j 2 -o "$O/gs.nq" "$EX" 2>/dev/null
for nq in g gs; do
	rapper -q -i nquads -o ntriples "$O/$nq.nq" >"$TMP/$nq-union.nt" 2>/dev/null
done
if [ -d "$SHACL/node_modules/rdf-validate-shacl" ] && command -v node >/dev/null; then
	check "the union of the N-Quads graphs conforms to ontology/shapes.ttl" node "$SHACL/validate-shacl.mjs" "$TMP/g-union.nt" "$top_srcdir/ontology/shapes.ttl"
	check "... streamed too (--stream -j 2)" node "$SHACL/validate-shacl.mjs" "$TMP/gs-union.nt" "$top_srcdir/ontology/shapes.ttl"
fi
if "$PY" -c "import rdflib" 2>/dev/null; then
	for nq in g gs; do
		check "the union of the N-Quads graphs ($nq.nq) is the Turtle graph" "$PY" -c "
import rdflib
t = rdflib.Graph().parse('$O/g.ttl', format='turtle')
u = rdflib.Graph().parse('$TMP/$nq-union.nt', format='nt')
for x in sorted(set(t) - set(u))[:5]: print('only in Turtle:', x)
for x in sorted(set(u) - set(t))[:5]: print('only in N-Quads:', x)
assert set(t) == set(u), (len(t), len(u))
"
	done
fi

# Roles that head their unit (ytg:seniority "head" in the title lexicon)
check "Giám đốc heads its unit (ytg:headsUnit), Phó Giám đốc does not" sh -c '
	grep -A3 "^<https://w3id.org/ytegraph/id/role/giam-doc>" "$0" | grep -q "ytg:headsUnit true" &&
	! grep -A3 "^<https://w3id.org/ytegraph/id/role/pho-giam-doc>" "$0" | grep -q "ytg:headsUnit"' "$O/g.ttl"

# No output repeats a statement: one article twice, on two dates, gives a
# member two memberships of one body (org:memberOf must still be once).
"$PY" -c "
import json, sys
t = open('$EX/01-ha-noi-benh-vien-ve-tinh.txt', encoding='utf-8').read()
for i, d in (('a', '2024-03-15'), ('b', '2024-04-20')):
    print(json.dumps({'id': i, 'text': t, 'date': d}, ensure_ascii=False))
" >"$TMP/twice.jsonl"
check "build one article on two dates (JSON Lines)" "$YTEGRAPH" build -q --jsonl -o "$TMP/twice.nt" -o "$TMP/twice.nq" -o "$TMP/twice.rdf" "$TMP/twice.jsonl"
for ext in nt nq; do
	check "the .$ext output repeats no statement" sh -c 'd=$(sort "$0" | uniq -d); [ -z "$d" ] || { echo "$d"; exit 1; }' "$TMP/twice.$ext"
done
check "every .nt and .nq output of the samples repeats no statement" sh -c '
	for f in "$@"; do d=$(sort "$f" | uniq -d); [ -z "$d" ] || { echo "$f: $d"; exit 1; }; done' sh "$O/g.nt" "$O/g.nq" "$O/gs.nq"

# A metadata line with a partial date ("date 2021-11 Ngày …"): the headline
# starts after it, on a character boundary, and the article keeps its
# statements (raptor's Turtle writer dropped them after an empty literal).
F="$top_srcdir/tests/fixtures/partial-date-prefix.txt"
check "build an article whose first line has a partial date" "$YTEGRAPH" build -q -o "$TMP/pd.ttl" -o "$TMP/pd.nt" "$F"
check "... its headline keeps the text whole" grep -q 'schema:headline "[^"]*Ngày 19-11, Bệnh viện' "$TMP/pd.ttl"
check "... and the Turtle keeps its identifier" grep -q 'schema:identifier "partial-date-prefix"' "$TMP/pd.ttl"
check "... and no empty literal is written" sh -c '! grep -q "\"\"" "$0"' "$TMP/pd.nt"

check "ontology and shapes parse" sh -c 'rapper -q -i turtle -c "$0/ontology/ytegraph.ttl" && rapper -q -i turtle -c "$0/ontology/shapes.ttl" && rapper -q -i turtle -c "$0/ontology/provinces.ttl"' "$top_srcdir"

# diagrams
check "DOT parses in graphviz" dot -Tcanon -o /dev/null "$O/g.dot"
check "DOT has a cluster per province" grep -q '^	subgraph "cluster_ha-noi"' "$O/g.dot"
check "DOT has a legend: one node whose label is a table" sh -c 'grep -A3 "^	legend	\[" "$0" | grep -q "label=<<TABLE"' "$O/g.dot"
check "DOT nodes carry shape and colour by class" grep -q 'shape=house' "$O/g.dot"
check "DOT node labels give the article count" grep -q 'bài)' "$O/g.dot"
check "PNG is a PNG" sh -c 'head -c 8 "$0" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a"' "$O/g.png"
check "SVG keeps Vietnamese labels as text" grep -q 'Hà Nội' "$O/g.svg"
check "rendered edges carry their labels (role · year)" grep -q 'Giám đốc · 2024' "$O/g.svg"

# --focus: the DOT's nodes are exactly the neighbourhood computed
# independently from the Turtle (undirected, depth 2, over the relations)
if "$PY" -c "import rdflib" 2>/dev/null; then
	"$YTEGRAPH" build -q --focus "Sở Y tế Hà Nội" --depth 2 -o "$O/focus.dot" -o "$O/focus.png" "$EX" 2>/dev/null
	check "--focus \"Sở Y tế Hà Nội\" --depth 2 gives exactly the neighbourhood" "$PY" -c "
import re, rdflib
g = rdflib.Graph().parse('$O/g.ttl', format='turtle')
ORG = 'http://www.w3.org/ns/org#'; YTG = 'https://w3id.org/ytegraph/ontology#'
rels = {ORG + 'memberOf', YTG + 'locatedIn', 'https://schema.org/legislationPassedBy', YTG + 'mergedInto', YTG + 'partnerOf'}
adj = {}
for s, p, o in g:
    if str(p) in rels:
        adj.setdefault(str(s), set()).add(str(o)); adj.setdefault(str(o), set()).add(str(s))
start = 'https://w3id.org/ytegraph/id/body/so-y-te-ha-noi'
seen, frontier = {start}, {start}
for _ in range(2):
    frontier = {n for f in frontier for n in adj.get(f, ())} - seen
    seen |= frontier
dot = open('$O/focus.dot', encoding='utf-8').read()
nodes = {m for m in re.findall(r'\"(https://[^\"]+)\"\\s*\\[', dot)}
assert nodes == seen, (sorted(nodes ^ seen))
assert len(seen) > 5
"
	check "--focus marks the focused node" grep -q 'color=\"#dc2626\"' "$O/focus.dot"
else
	skip "--focus neighbourhood" "python3-rdflib is not installed"
fi
check "--relation filters the diagram's edges" sh -c '"$0" build -q --relation memberOf -o "$2/m.dot" "$1" && ! grep -q "đối tác" "$2/m.dot" && grep -q "Giám đốc" "$2/m.dot"' "$YTEGRAPH" "$EX" "$TMP"
check "--type filters the diagram's nodes" sh -c '"$0" build -q --type Province,Hospital -o "$2/t.dot" "$1" && ! grep -q "/official/" "$2/t.dot" && grep -q "/hospital/" "$2/t.dot"' "$YTEGRAPH" "$EX" "$TMP"
check "an unknown --focus is an error" exit_is 1 "$YTEGRAPH" build -q --focus "Không có" -o "$TMP/nf.dot" "$EX"

# extract: every entity has a mention, every mention is the text at its offsets
"$YTEGRAPH" extract "$EX" >"$TMP/ex.jsonl"
check "every extracted entity has a mention whose text is at its code-point offsets" "$PY" -c "
import json, sys, unicodedata, os
for line in open('$TMP/ex.jsonl', encoding='utf-8'):
    rec = json.loads(line)
    text = unicodedata.normalize('NFC', open(os.path.join('$EX', rec['doc'] + '.txt'), encoding='utf-8').read())
    for e in rec['entities']:
        assert e['mentions'], (rec['doc'], e['label'])
        for m in e['mentions']:
            assert text[m['start']:m['end']] == m['text'], (rec['doc'], m)
"

# entity lists
check "TSV has the header and a row per entity" sh -c 'head -1 "$0" | grep -qP "^type\tlabel\tiri\tmentions\tdocuments\taliases$" && test "$(wc -l <"$0")" -gt 2' "$O/e.tsv"
check "CSV and TSV list the same entities" sh -c 'test "$(wc -l <"$0")" -eq "$(wc -l <"$1")"' "$O/e.tsv" "$O/e.csv"

# determinism: another input order gives byte-identical output
mkdir -p "$TMP/rev"
i=9
for f in "$EX"/*.txt; do cp "$f" "$TMP/rev/$(basename "$f")"; done
check "two runs give byte-identical Turtle" sh -c '"$0" build -q -o "$2/a.ttl" "$1" && "$0" build -q -o "$2/b.ttl" "$1" && cmp "$2/a.ttl" "$2/b.ttl"' "$YTEGRAPH" "$EX" "$TMP"
check "input order does not change Turtle or DOT" sh -c '
	"$0" build -q -o "$2/c.ttl" -o "$2/c.dot" $(ls "$1"/*.txt | sort -r) && cmp "$2/c.ttl" "$3/g.ttl" && cmp "$2/c.dot" "$3/g.dot"' \
	"$YTEGRAPH" "$TMP/rev" "$TMP" "$O"

# ... over the development corpus too (when it is beside this tree): two
# articles write one document code two ways, and the label that loses
# must become an alias whichever comes first
DEV="$SHARED/eval/dev/docs"
if [ -d "$DEV" ]; then
	check "input order does not change the Turtle of the development corpus" sh -c '
		"$0" build -q -o "$2/d1.ttl" $(ls "$1"/*.txt) && "$0" build -q -o "$2/d2.ttl" $(ls "$1"/*.txt | sort -r) &&
		diff "$2/d1.ttl" "$2/d2.ttl"' "$YTEGRAPH" "$DEV" "$TMP"
else
	skip "input order over the development corpus" "$DEV is not there"
fi

# atomic writes
printf 'previous content\n' >"$TMP/keep.ttl"
check "a failing run exits 1" exit_is 1 "$YTEGRAPH" build -q -o "$TMP/keep.ttl" --focus "Không có" -o "$TMP/x.png" "$EX"
check "... leaves no partial diagram" sh -c '! ls "$0"/x.png* 2>/dev/null | grep -q .' "$TMP"
ln -s /dev/full "$TMP/full.ttl"
check "writing to a full disk exits 1" exit_is 1 "$YTEGRAPH" build -q -o "$TMP/full.ttl" "$EX"
check "... with a message naming the file" stderr_has "full.ttl: write failed"
printf 'previous content\n' >"$TMP/keep2.ttl"
chmod 0500 "$TMP"
"$YTEGRAPH" build -q -o "$TMP/keep2.ttl" "$EX" >/dev/null 2>&1
rc=$?
chmod 0700 "$TMP"
if [ "$(id -u)" -ne 0 ]; then
	ok $((rc == 0)) "an unwritable folder is an error"
	check "... and the previous file is untouched" grep -qx "previous content" "$TMP/keep2.ttl"
else
	skip "an unwritable folder is an error" "root can write anywhere"
fi
# Posts: a head's title heads its unit, a deputy's does not; an appointment
# "kể từ ngày" gives the post's start (org:memberDuring, OWL-Time)
printf 'Ngày 5/9/2025, UBND tỉnh Nam Định bổ nhiệm ông Trần Văn Bình giữ chức Giám đốc Sở Y tế tỉnh Nam Định kể từ ngày 01/9/2025.\nBà Lê Thị Hoa, Phó Giám đốc Sở Y tế tỉnh Nam Định, dự họp.\n' >"$TMP/posts.txt"
"$YTEGRAPH" build -q -o "$TMP/posts.ttl" "$TMP/posts.txt"
check "a head's title heads its unit" sh -c 'grep -A3 "rdfs:label \"Giám đốc\"@vi" "$0" | grep -q "ytg:headsUnit true"' "$TMP/posts.ttl"
check "... a deputy's does not" sh -c '! grep -A3 "rdfs:label \"Phó Giám đốc\"@vi" "$0" | grep -q "headsUnit"' "$TMP/posts.ttl"
printf 'BS Lý Văn Phúc, Trưởng khoa Cấp cứu, Bệnh viện Đa khoa tỉnh Lai Châu cho biết.\n' >"$TMP/khoa.txt"
"$YTEGRAPH" build -q -o "$TMP/khoa.ttl" "$TMP/khoa.txt"
check "the head of a khoa is a member of the hospital" grep -q 'rdfs:label "Trưởng khoa Cấp cứu"@vi' "$TMP/khoa.ttl"
check "... and does not head it" sh -c '! grep -q "headsUnit" "$0"' "$TMP/khoa.ttl"
check "an appointment from a date starts the post then" grep -q 'time:inXSDDate "2025-09-01"^^xsd:date' "$TMP/posts.ttl"
check "... and only that post has a start" sh -c 'test "$(grep -c "org:memberDuring" "$0")" = 1' "$TMP/posts.ttl"
check "extract shows the start" sh -c '"$0" extract "$1" | grep -q "\"role\":\"Giám đốc\",\"start\":\"2025-09-01\""' "$YTEGRAPH" "$TMP/posts.txt"
finish
