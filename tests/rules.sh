#!/bin/sh
# The rule tests (tests/rules/*.test) and the examples of doc/RULES.md, run
# by one runner that prints the difference of every failing case.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
cd "$top_srcdir" || exit 1
exec "$top_builddir/tests/run_rules" tests/rules/*.test doc/RULES.md
