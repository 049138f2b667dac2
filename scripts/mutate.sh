#!/bin/sh
# mutate.sh — do the tests notice when a documented rule changes?
#
# Usage: scripts/mutate.sh [--check] [--keep] [--no-shared] [-o FILE] [RULE...]
#
# Each line of scripts/mutations.tsv is one mutation: a rule name of
# doc/RULES.md, a file, and a `perl -pe` expression that changes one rule
# in it (a word's ytg:role removed in ontology/lexicon/, a condition
# inverted or a branch disabled in src/).  The comment line before it says
# what the change does.  For each mutation (or those of the RULEs named: a
# rule name, or its prefix before the dot), in a scratch copy of the tree
# (the caller's tree is never touched), the script applies it, rebuilds,
# runs the tests that judge extraction and records:
#   caught     some test fails (the first failing cases are shown)
#   survived   every test passes: a rule change no test notices
#   invalid    the expression changes nothing, the mutant does not build,
#              or it does not run (a lexicon load error): fix the mutation
# The tests (the first that fails is enough) are the rule tests
# (tests/run_rules over tests/rules/*.test and doc/RULES.md), the unit
# tests, tests/provenance.sh, tests/identity.sh and tests/gold.sh on the
# project's examples; with --check the whole of `make check`.  When the shared development sets are beside the
# tree (../shared), gold.sh scores them too; a mutation only they catch
# counts as survived and is marked so (--no-shared leaves them out).
#
# One scratch build serves every mutation: the file is restored after each
# (with a new time stamp), so the next build is incremental.  A run over
# all mutations prints one line each and "caught N of M (X%)", and writes
# doc/mutation-report.md (with the date and commit) unless -o names
# another file (-o - : none).  Exit status 0 when every valid mutation is
# caught, 1 otherwise, 2 on a usage or setup error.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
list="$top/scripts/mutations.tsv"
full=0 keep=0 shared=1 out=""
while [ $# -gt 0 ]; do
	case $1 in
	--check) full=1 ;;
	--keep) keep=1 ;;
	--no-shared) shared=0 ;;
	-o) [ $# -ge 2 ] || { echo "mutate.sh: -o needs a file" >&2; exit 2; }
		out=$2; shift ;;
	-h|--help) sed -n '2,/^set -u/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "mutate.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
[ -f "$list" ] || { echo "mutate.sh: $list is missing" >&2; exit 2; }
filtered=$#
[ -z "$out" ] && [ $filtered -eq 0 ] && out="$top/doc/mutation-report.md"
[ "$out" = - ] && out=""

wanted() { # wanted RULE ARG...: is RULE named by an ARG (or none given)?
	_r=$1
	shift
	[ $# -eq 0 ] && return 0
	for _w; do
		[ "$_r" = "$_w" ] && return 0
		case $_r in "$_w".*) return 0 ;; esac
	done
	return 1
}
for w; do
	grep -v '^#' "$list" | cut -f1 | grep -qx -e "$w" -e "$w\..*" ||
		{ echo "mutate.sh: no mutation of rule $w in $list" >&2; exit 2; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ytegraph-mutate.XXXXXX") || exit 2
if [ $keep -eq 1 ]; then
	echo "scratch tree: $scratch/tree"
else
	trap 'rm -rf "$scratch"' EXIT
	trap 'exit 130' INT TERM
fi
tree=$scratch/tree
mkdir "$tree"

# The sources with the caller's uncommitted changes, no build products.
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	commit=$(git -C "$top" rev-parse --short HEAD)
	[ -n "$(git -C "$top" status --porcelain --untracked-files=no)" ] && commit="$commit + uncommitted changes"
	git -C "$top" ls-files -z --cached --others --exclude-standard |
		(cd "$top" && xargs -0 tar cf - --ignore-failed-read 2>/dev/null) | tar xf - -C "$tree"
else
	commit="(not a git checkout)"
	(cd "$top" && tar cf - --exclude='*.o' --exclude='*.a' --exclude=.deps --exclude=./Makefile \
		--exclude=./config.status --exclude=./config.h --exclude=./ytegraph --exclude='./tests/*.log' \
		--exclude='./tests/*.trs' .) | tar xf - -C "$tree"
fi
if [ $shared -eq 1 ] && [ -d "$top/../shared" ]; then
	ln -s "$(cd "$top/../shared" && pwd)" "$scratch/shared"
else
	shared=0
fi

log=$scratch/log
echo "building a scratch copy of $commit in $tree ..."
(cd "$tree" && { [ -x configure ] || ./autogen.sh; } && ./configure -q) >"$log" 2>&1 ||
	{ tail -20 "$log"; echo "mutate.sh: configure failed" >&2; exit 2; }
units=$(sed -n 's/^UNIT_TESTS = //p' "$tree/Makefile.am")
progs="$units tests/run_rules"
[ $full -eq 1 ] && progs=$(sed -n 's/^check_PROGRAMS = //p' "$tree/Makefile.am")

build() { # all, then the test programs (together, two makes would race on the library)
	(cd "$tree" && make -s -j2 all && make -s -j2 $progs) >"$log" 2>&1
}

top_srcdir=$tree top_builddir=$tree YTEGRAPH=$tree/ytegraph YTEGRAPH_DATADIR=$tree/ontology
export top_srcdir top_builddir YTEGRAPH YTEGRAPH_DATADIR
limit=300 # seconds a test may take: a mutant that loops is caught

# first_fails NAME FILE: "NAME (first failing cases)" from a TAP output
first_fails() {
	_n=$(grep -c '^not ok' "$2")
	_f=$(grep '^not ok' "$2" | head -2 | sed -e 's/^not ok [0-9]* - //' -e 's/ *$//' | tr '\n' ';' | sed 's/;$//; s/;/; /g')
	[ "$_n" -gt 2 ] && _f="$_f; ..."
	printf '%s[%s: %s]' "$1" "$_n" "$_f"
}

# run_tests: sets $by (what failed, empty when nothing did) and $by_shared
# (the shared sets' failures).
run_tests() {
	by="" by_shared=""
	t=$scratch/t
	if [ $full -eq 1 ]; then
		(cd "$tree" && timeout $((limit * 4)) make -s -j2 check) >"$t" 2>&1
		for _lf in "$tree"/tests/*.log; do
			case $_lf in */test-suite.log) continue ;; esac
			grep -q '^not ok' "$_lf" || grep -q '^:test-result: \(ERROR\|FAIL\)' "${_lf%.log}.trs" 2>/dev/null || continue
			by="$by $(first_fails "$(basename "${_lf%.log}")" "$_lf")"
		done
		[ -z "$by" ] && ! grep -q '^# FAIL: *0' "$t" && grep -q '^# FAIL' "$t" && by=" make-check"
		by=${by# }
		return
	fi
	# cheapest and likeliest first; the first suite that fails is enough
	(cd "$tree" && timeout $limit tests/run_rules tests/rules/*.test doc/RULES.md) >"$t" 2>&1 ||
		by="$(first_fails rules "$t")"
	for _u in $units; do
		[ -z "$by" ] || break
		(cd "$tree" && timeout $limit "./$_u") >"$t" 2>&1 || by="$(first_fails "${_u#tests/}" "$t")"
	done
	for _s in provenance identity gold; do
		[ -z "$by" ] || break
		[ -f "$tree/tests/$_s.sh" ] || continue
		(cd "$tree" && timeout $limit sh "tests/$_s.sh") >"$t" 2>&1
		rc=$?
		if [ $_s = gold ]; then
			grep -v '^not ok [0-9]* - \(seeds\|dev corpus\):' "$t" >"$t.own"
			grep -e '^not ok [0-9]* - seeds:' -e '^not ok [0-9]* - dev corpus:' "$t" >"$t.shared"
			grep -q '^not ok' "$t.shared" && by_shared="$(first_fails gold-shared "$t.shared")"
			grep -q '^not ok' "$t.own" && by="$(first_fails gold "$t.own")"
			[ $rc -ne 0 ] && [ -z "$by_shared" ] && [ -z "$by" ] && by="gold[exit $rc]"
		elif [ $rc -ne 0 ]; then
			by="$(first_fails $_s "$t")"
		fi
	done
	[ $shared -eq 0 ] && by_shared=""
	return 0
}

build || { tail -20 "$log"; echo "mutate.sh: the unmutated tree does not build" >&2; exit 2; }
run_tests
if [ -n "$by" ] || [ -n "$by_shared" ]; then
	echo "mutate.sh: the unmutated tree fails its tests: $by $by_shared" >&2
	exit 2
fi

results=$scratch/results
: >"$results"
n=0 caught=0 survived=0 invalid=0 shared_only=0 desc=""
start=$(date +%s)
while IFS='	' read -r rule file expr rest <&3; do
	case $rule in
	'#'*) desc=$(printf '%s' "$rule" | sed 's/^# *//'); continue ;;
	'') desc=""; continue ;;
	esac
	if ! wanted "$rule" "$@"; then
		desc=""
		continue
	fi
	n=$((n + 1))
	f=$tree/$file
	what=${desc:-$expr}
	note=""
	if [ ! -f "$f" ] || [ -n "$rest" ]; then
		status=invalid note="no file $file, or more than three fields"
	else
		cp "$f" "$f.orig"
		if ! perl -pe "$expr" "$f.orig" >"$f" 2>"$log"; then
			status=invalid note="perl: $(head -1 "$log")"
		elif cmp -s "$f" "$f.orig"; then
			status=invalid note="the expression changes nothing"
		elif ! build; then
			status=invalid note="does not build: $(grep -m1 'error:' "$log" || tail -1 "$log")"
		elif ! printf 'Sở Y tế Hà Nội họp.\n' | timeout 60 "$tree/ytegraph" extract - >/dev/null 2>"$log"; then
			status=invalid note="does not run: $(head -1 "$log")"
		else
			run_tests
			if [ -n "$by" ]; then
				status=caught note=$by
			else
				status=survived
				[ -n "$by_shared" ] && note="only the shared sets notice: $by_shared" && shared_only=$((shared_only + 1))
			fi
		fi
		cat "$f.orig" >"$f" # a new time stamp: the next build recompiles it
		rm -f "$f.orig"
	fi
	case $status in
	caught) caught=$((caught + 1)) ;;
	survived) survived=$((survived + 1)) ;;
	*) invalid=$((invalid + 1)) ;;
	esac
	printf '%-8s %-28s %-34s %s%s\n' "$status" "$rule" "$file" "$what" "${note:+  -- $note}"
	printf '%s\t%s\t%s\t%s\t%s\n' "$status" "$rule" "$file" "$what" "$note" >>"$results"
	desc=""
done 3<"$list"
build >/dev/null 2>&1 # leave the scratch build unmutated (--keep)

valid=$((caught + survived))
pct=$(awk -v c=$caught -v v=$valid 'BEGIN { printf "%.0f", v ? 100 * c / v : 0 }')
elapsed=$(($(date +%s) - start))
[ $invalid -gt 0 ] && echo "invalid mutations: $invalid (not counted)"
[ $shared_only -gt 0 ] && echo "of the survivors, $shared_only are noticed by the shared sets only"
echo "caught $caught of $valid ($pct%)"

if [ -n "$out" ]; then
	{
		echo "# Mutation report"
		echo
		echo "**caught $caught of $valid ($pct%)**$([ $invalid -gt 0 ] && echo "; $invalid invalid mutations, not counted")."
		echo
		echo "\`scripts/mutate.sh$([ $full -eq 1 ] && echo ' --check')\` on $(date +%Y-%m-%d), commit $commit, ${elapsed}s."
		echo "Each row changes one documented rule of \`doc/RULES.md\` once"
		echo "(\`scripts/mutations.tsv\`) in a scratch copy of the tree. **caught**: a test"
		if [ $full -eq 1 ]; then
			echo "of \`make check\` fails on the changed code."
		else
			echo "fails on the changed code (the first suite that fails is shown): the rule"
			echo "tests (\`tests/rules/*.test\` and the examples of \`doc/RULES.md\`), the unit"
			echo "tests, \`tests/provenance.sh\`, \`tests/identity.sh\` or \`tests/gold.sh\` on"
			echo "the project's examples."
		fi
		[ $shared -eq 1 ] && echo "The shared development sets were scored too; a mutation only they notice counts as survived."
		echo "**survived**: every test passes."
		echo
		echo "| # | rule | file | mutation | result | failing tests |"
		echo "|---|------|------|----------|--------|---------------|"
		awk -F '\t' '{ gsub(/\|/, "\\|"); printf "| %d | `%s` | `%s` | %s | %s | %s |\n", NR, $2, $3, $4, $1, $5 }' "$results"
	} >"$out"
	echo "report: $out"
fi
[ $survived -eq 0 ] && [ $invalid -eq 0 ]
