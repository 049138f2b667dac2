#!/bin/sh
# The example queries in a real SPARQL store.  Starts a private Virtuoso
# (Debian package virtuoso-opensource, see scripts/virtuoso-install.sh) with
# its own database folder under the test's temporary folder, listening on
# 127.0.0.1 only; loads the sample graph as Turtle (DB.DBA.TTLP_MT) and as
# N-Quads: one shard per article, merged (scripts/merge-nquads.py) and
# split in four files for the bulk loader (ld_dir + rdf_loader_run); runs
# queries/*.rq over the HTTP SPARQL endpoint and checks they give the rows
# of tests/data/queries-expected (the rows Oxigraph, the reference store,
# gives in tests/queries.sh).  The server is always shut down and its
# folder removed, whatever happens.
# Skipped when virtuoso-t, isql-vt or curl is missing.
. "$(dirname "$0")/lib.sh"
EX="$top_srcdir/examples"
Q="$top_srcdir/queries"
EXP="$top_srcdir/tests/data/queries-expected"

missing=""
for c in virtuoso-t isql-vt curl timeout; do
	command -v "$c" >/dev/null 2>&1 || missing="$missing $c"
done
"$PY" -c 'import csv' 2>/dev/null || missing="$missing python3"
if [ -n "$missing" ]; then
	skip "example queries in Virtuoso" "not installed:$missing (Virtuoso: run scripts/virtuoso-install.sh as root)"
	finish
	exit $?
fi

VT="$TMP/virtuoso"   # the server's folder: db/, data/, vsp/, virtuoso.ini
VPID=""              # the server's process id, while it runs
ISQL_PORT=""
HTTP_PORT=""
G_TTL="https://w3id.org/ytegraph/graph/test-turtle"  # the Turtle load
G_NQ="https://w3id.org/ytegraph/graph/test-nquads"   # triples of the N-Quads load
G_HEADS="https://w3id.org/ytegraph/graph/test-heads" # tests/unit_rdf's graph of heads
mkdir -p "$VT/db" "$VT/data/shards" "$VT/vsp"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
T0=$(now_ms)

# stop_server: ask for a clean shutdown, then TERM, then KILL; only our
# own process, by its id.
stop_server() {
	[ -n "$VPID" ] || return 0
	if kill -0 "$VPID" 2>/dev/null; then
		timeout 20 isql-vt "127.0.0.1:$ISQL_PORT" dba dba exec="shutdown;" >/dev/null 2>&1
		i=0
		while kill -0 "$VPID" 2>/dev/null && [ $i -lt 40 ]; do
			sleep 0.5
			i=$((i + 1))
		done
		if kill -0 "$VPID" 2>/dev/null; then
			kill -TERM "$VPID" 2>/dev/null
			sleep 2
			kill -KILL "$VPID" 2>/dev/null
		fi
	fi
	wait "$VPID" 2>/dev/null
	VPID=""
}
cleanup() {
	stop_server
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# port_free PORT: nothing listens on it (when ss can tell).
port_free() {
	command -v ss >/dev/null 2>&1 || return 0
	! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# write_ini SQL-PORT HTTP-PORT: the package's ini with our folders, ports
# bound to 127.0.0.1 and only our data folder readable by the server.
write_ini() {
	ini=/etc/virtuoso-opensource-7/virtuoso.ini
	[ -r "$ini" ] || ini=/usr/share/virtuoso-opensource-7/virtuoso.ini
	[ -r "$ini" ] || { echo "no virtuoso.ini in /etc or /usr/share" >&2; return 1; }
	awk -v db="$VT/db" -v data="$VT/data" -v root="$VT/vsp" \
		-v sp="127.0.0.1:$1" -v hp="127.0.0.1:$2" '
	/^[ \t]*\[/ { s = $0; gsub(/[][ \t]/, "", s); print; next }
	/^[ \t]*[;#]/ || !/=/ { print; next }
	{
		k = $0; sub(/[ \t]*=.*/, "", k); sub(/^[ \t]+/, "", k)
		v = ""
		if (s == "Parameters" && k == "ServerPort") v = sp
		else if (s == "Parameters" && k == "DirsAllowed") v = "., " data
		else if (s == "HTTPServer" && k == "ServerPort") v = hp
		else if (s == "HTTPServer" && k == "ServerRoot") v = root
		else if (s == "URIQA" && k == "DefaultHost") v = hp
		if (v != "") { print k " = " v; next }
		gsub("/var/lib/virtuoso-opensource-7/db/", db "/")
		print
	}' "$ini" >"$VT/virtuoso.ini"
}

# start_server SQL-PORT HTTP-PORT: start and wait (at most 60 s) until the
# server's own log says both ports are online and isql answers.
start_server() {
	ISQL_PORT=$1
	HTTP_PORT=$2
	rm -rf "$VT/db" && mkdir -p "$VT/db"
	write_ini "$1" "$2" || return 1
	(cd "$VT/db" && exec virtuoso-t +configfile "$VT/virtuoso.ini" +foreground) \
		</dev/null >"$VT/server.out" 2>&1 &
	VPID=$!
	deadline=$(($(date +%s) + 60))
	while [ "$(date +%s)" -lt $deadline ]; do
		if ! kill -0 "$VPID" 2>/dev/null; then # it gave up (port taken?)
			wait "$VPID" 2>/dev/null
			VPID=""
			return 1
		fi
		if grep -q "Server online at 127.0.0.1:$1" "$VT/server.out" &&
			grep -q "HTTP/WebDAV server online at 127.0.0.1:$2" "$VT/server.out" &&
			timeout 10 isql-vt "127.0.0.1:$1" dba dba exec="status();" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.5
	done
	echo "no answer within 60 s" >&2
	return 1
}

# sql STATEMENTS: run through isql; fails on an error message.
sql() {
	timeout 120 isql-vt "127.0.0.1:$ISQL_PORT" dba dba exec="$1" >"$TMP/sql.out" 2>&1
	rc=$?
	if [ $rc -ne 0 ] || grep -q '\*\*\* Error' "$TMP/sql.out"; then
		cat "$TMP/sql.out"
		return 1
	fi
}

# sparql_http FILE OUT GRAPH...: the CSV result of the query in FILE over
# the union of the given graphs, from the HTTP endpoint on 127.0.0.1.
sparql_http() {
	_f=$1
	_o=$2
	shift 2
	# shellcheck disable=SC2046 # one word per option, IRIs have no spaces
	set -- $(for g in "$@"; do printf ' --data-urlencode default-graph-uri=%s' "$g"; done)
	curl -sS --fail --noproxy '*' --max-time 60 -H 'Accept: text/csv' \
		--data-urlencode "query@$_f" "$@" "http://127.0.0.1:$HTTP_PORT/sparql" >"$_o"
}

# same_rows A B [NOTE]: same header and the same set of rows (in any order),
# after parsing both as CSV (Virtuoso quotes every string, the expected
# files only when needed).  Rows that B repeats are allowed but written to
# NOTE: Virtuoso 7.2's SELECT DISTINCT can return duplicates when several
# OPTIONALs are involved (openlink/virtuoso-opensource#568).
same_rows() {
	"$PY" - "$1" "$2" "${3:-/dev/null}" <<'EOF'
import csv, sys
from collections import Counter
def load(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = [tuple(r) for r in csv.reader(f)]
    return (rows[0] if rows else ()), rows[1:]
(ha, ra), (hb, rb) = load(sys.argv[1]), load(sys.argv[2])
if ha != hb:
    sys.exit("header differs: %r vs %r" % (ha, hb))
sa, sb = set(ra), set(rb)
for r in sorted(sa - sb): print("only expected:    ", r)
for r in sorted(sb - sa): print("only in Virtuoso: ", r)
if sa != sb:
    sys.exit(1)
if not sa:
    sys.exit("no rows")
extra = {r: n for r, n in Counter(rb).items() if n > 1}
with open(sys.argv[3], 'w', encoding='utf-8') as note:
    for r, n in sorted(extra.items()):
        note.write("Virtuoso repeats %d times: %s\n" % (n, ",".join(r)))
EOF
}

# note FILE: show what same_rows noted, as TAP comments.
note() {
	[ -s "$1" ] && sed 's/^/# note: /' "$1"
	return 0
}

# ---- the data: one Turtle file, and one N-Quads shard per article ----
check "build the sample graph (Turtle)" "$YTEGRAPH" build -q -o "$VT/data/g.ttl" "$EX"
check "build one N-Quads shard per article, merge them, split in four files" sh -c '
	mkdir -p "$2/../apart" &&
	for f in "$1"/*.txt; do
		"$0" build -q -o "$2/../apart/$(basename "$f" .txt).nq" "$f" || exit 1
	done &&
	"$3" "$4/scripts/merge-nquads.py" "$2"/../apart/*.nq >"$2/../merged.nq" &&
	(cd "$2" && split -n l/4 -d --additional-suffix=.nq "../merged.nq" part-)' \
	"$YTEGRAPH" "$EX" "$VT/data/shards" "$PY" "$top_srcdir"
check "write the hand-made graph of heads" "$top_builddir/tests/unit_rdf" --write "$VT/data"

# ---- start the server on the first free pair of loopback ports ----
started=1
# Ports the kernel says are free now, not a fixed list: the machine may
# run other copies of this test (other trees, other users), and two runs
# that pick the same fixed pair race for it.
free_pairs() {
	"$PY" -c '
import socket
for _ in range(5):
    socks = [socket.socket() for _ in range(2)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    print("%d:%d" % tuple(s.getsockname()[1] for s in socks))
    for s in socks:
        s.close()'
}
for pair in $(free_pairs); do
	sp=${pair%%:*}
	hp=${pair#*:}
	if ! port_free "$sp" || ! port_free "$hp"; then
		continue
	fi
	if start_server "$sp" "$hp" 2>"$TMP/start.err"; then
		started=0
		break
	fi
	stop_server
done
T1=$(now_ms)
ok $started "a private Virtuoso answers on 127.0.0.1:$ISQL_PORT (SQL) and :$HTTP_PORT (HTTP)"
if [ $started -ne 0 ]; then
	sed 's/^/#   /' "$TMP/start.err" "$VT/server.out" 2>/dev/null | tail -20
	finish
	exit 1
fi
echo "# server up in $((T1 - T0)) ms (including the build of the sample graph)"
check "its ini keeps nothing in /var/lib/virtuoso-opensource-7" sh -c '! grep -n "/var/lib/virtuoso" "$0"' "$VT/virtuoso.ini"
if command -v ss >/dev/null 2>&1; then
	check "it listens on 127.0.0.1 only" sh -c '
		l=$(ss -Hltnp | grep "pid=$0,")
		echo "$l"
		[ -n "$l" ] && ! echo "$l" | awk "{print \$4}" | grep -qv "^127\.0\.0\.1:"' "$VPID"
else
	skip "it listens on 127.0.0.1 only" "ss (iproute2) is not installed"
fi

# ---- load ----
T2=$(now_ms)
check "load the Turtle with DB.DBA.TTLP_MT" \
	sql "DB.DBA.TTLP_MT(file_to_string_output('$VT/data/g.ttl'), '', '$G_TTL'); checkpoint;"
check "load the graph of heads" \
	sql "DB.DBA.TTLP_MT(file_to_string_output('$VT/data/heads.ttl'), '', '$G_HEADS'); checkpoint;"
printf 'SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }\n' >"$TMP/count.rq"
count_same() {
	printf 'triples\n%s\n' "$(rapper -i turtle -c "$VT/data/g.ttl" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')" >"$TMP/count.want" &&
		sparql_http "$TMP/count.rq" "$TMP/count.vt" "$G_TTL" &&
		same_rows "$TMP/count.want" "$TMP/count.vt"
}
check "Virtuoso holds as many triples as rapper reads" count_same
check "bulk-load the N-Quads shards with ld_dir and rdf_loader_run" \
	sql "ld_dir('$VT/data/shards', '*.nq', '$G_NQ'); rdf_loader_run(); checkpoint;"
loaded_ok() {
	sql "SELECT 'FILES=' || CAST(COUNT(*) AS VARCHAR) FROM DB.DBA.load_list;
SELECT 'BAD=' || CAST(COUNT(*) AS VARCHAR) FROM DB.DBA.load_list WHERE ll_state <> 2 OR ll_error IS NOT NULL;" &&
		grep -qw "FILES=$(($(ls "$VT/data/shards" | wc -l)))" "$TMP/sql.out" &&
		grep -qw 'BAD=0' "$TMP/sql.out" || { cat "$TMP/sql.out"; return 1; }
}
check "... every shard loaded without error (DB.DBA.load_list)" loaded_ok
# the named graphs the shards created, one per article
printf '%s\n' 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://w3id.org/ytegraph/id/article/")) } ORDER BY ?g' >"$TMP/graphs.rq"
article_graphs() {
	sparql_http "$TMP/graphs.rq" "$TMP/graphs.csv" &&
		tr -d '"\r' <"$TMP/graphs.csv" | sed 1d >"$TMP/graphs.txt" &&
		test "$(wc -l <"$TMP/graphs.txt")" -eq "$(ls "$EX"/*.txt | wc -l)"
}
check "... one named graph per article" article_graphs
T3=$(now_ms)
echo "# loading took $((T3 - T2)) ms"

# ---- the queries: the expected rows, from the Turtle and from the N-Quads ----
for f in "$Q"/*.rq; do
	n=$(basename "$f" .rq)
	if [ "$n" = heads-by-province ]; then
		check "$n.rq runs over HTTP (graph of heads)" sparql_http "$f" "$TMP/$n.ttl.csv" "$G_HEADS"
		check "... the expected rows" same_rows "$EXP/$n.csv" "$TMP/$n.ttl.csv" "$TMP/$n.ttl.note"
		continue
	fi
	check "$n.rq runs over HTTP (Turtle graph)" sparql_http "$f" "$TMP/$n.ttl.csv" "$G_TTL"
	check "... the expected rows" same_rows "$EXP/$n.csv" "$TMP/$n.ttl.csv" "$TMP/$n.ttl.note"
	check "... each row once" test ! -s "$TMP/$n.ttl.note"
	# shellcheck disable=SC2046
	check "$n.rq runs over HTTP (N-Quads: default graph and article graphs)" sparql_http "$f" "$TMP/$n.nq.csv" "$G_NQ" $(cat "$TMP/graphs.txt")
	check "... the expected rows" same_rows "$EXP/$n.csv" "$TMP/$n.nq.csv" "$TMP/$n.nq.note"
	note "$TMP/$n.nq.note"
done
T4=$(now_ms)
echo "# queries took $((T4 - T3)) ms"

# ---- shut down ----
pid=$VPID
stop_server
check "the server shuts down" sh -c '! kill -0 "$0" 2>/dev/null' "$pid"
if command -v ss >/dev/null 2>&1; then
	# (another program may have taken the port since: ask for ours)
	check "... and nothing of it listens any more" sh -c '! ss -Hltnp | grep -E "127\.0\.0\.1:($0|$1)[[:space:]].*pid=$2,"' "$ISQL_PORT" "$HTTP_PORT" "$pid"
fi
echo "# total $(($(now_ms) - T0)) ms"
finish
