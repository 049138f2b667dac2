# lib.sh — TAP helpers for the shell tests.  Source it; call `finish` last.
# YTEGRAPH, top_srcdir and top_builddir come from `make check`; defaults
# let a test run by hand from the top of the tree.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${YTEGRAPH:=$top_builddir/ytegraph}"
SHARED="$top_srcdir/../shared"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export YTEGRAPH_DATADIR="$top_srcdir/ontology"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ytegraph-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
_n=0
_failed=0

ok() { # ok CONDITION-EXIT-STATUS DESCRIPTION
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

check() { # check DESCRIPTION COMMAND...: passes when COMMAND exits 0
	_d=$1
	shift
	"$@" >"$TMP/.out" 2>&1
	_rc=$?
	ok $_rc "$_d"
	[ $_rc -eq 0 ] || sed 's/^/#   /' "$TMP/.out" | head -20
}

skip() { # skip DESCRIPTION REASON
	_n=$((_n + 1))
	echo "ok $_n - $1 # SKIP $2"
}

todo() { # todo DESCRIPTION COMMAND...: a known gap
	_d=$1
	shift
	_n=$((_n + 1))
	if "$@" >/dev/null 2>&1; then
		echo "ok $_n - $_d # TODO known gap"
	else
		echo "not ok $_n - $_d # TODO known gap"
	fi
}

exit_is() { # exit_is WANT COMMAND...: passes when COMMAND exits WANT
	_want=$1
	shift
	"$@" >"$TMP/.stdout" 2>"$TMP/.stderr"
	_got=$?
	if [ "$_got" -ne "$_want" ]; then
		echo "exit status $_got, wanted $_want; stderr:" >&2
		cat "$TMP/.stderr" >&2
		return 1
	fi
	return 0
}

stderr_has() { grep -q -- "$1" "$TMP/.stderr"; }
stdout_has() { grep -q -- "$1" "$TMP/.stdout"; }

finish() {
	echo "1..$_n"
	[ $_failed -eq 0 ]
}
