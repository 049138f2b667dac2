#!/bin/sh
# Install what ytegraph needs to build, run and test on Debian 12 (as root).
# Safe to run again: packages already present are not reinstalled.
set -eu
cd "$(dirname "$0")/.."
PACKAGES="gcc make pkg-config autoconf automake
libraptor2-dev raptor2-utils rasqal-utils
libgraphviz-dev graphviz
libicu-dev icu-devtools
libcjson-dev
fonts-dejavu-core fonts-liberation2
python3 python3-rdflib ca-certificates curl bsdutils"
missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# The tests also run the Dask recipe (scripts/dask-build.py) on a local cluster.
if [ "${1:-}" = "--tests" ]; then
	dpkg-query -W -f='${Status}' python3-distributed 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing python3-distributed"
fi
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# Graphviz finds its cairo renderer through a plugin config written at
# install time; write it if a partial install left it out.
dot -c 2>/dev/null || true
echo "setup: dependencies present"
# The SPARQL store the tests load the graph into.
if [ "${1:-}" = "--tests" ]; then
	sh scripts/virtuoso-install.sh
fi
# The SHACL validator and Oxigraph, the reference SPARQL store, used by
# the tests (npm registry, versions pinned by their lockfiles).
if [ "${1:-}" = "--tests" ] && [ ! -d tests/shacl/node_modules/rdf-validate-shacl ]; then
	echo "setup: installing the SHACL validator (npm)"
	(cd tests/shacl && npm ci --no-audit --no-fund --silent)
fi
if [ "${1:-}" = "--tests" ] && [ ! -d scripts/oxigraph/node_modules/oxigraph ]; then
	echo "setup: installing Oxigraph (npm)"
	(cd scripts/oxigraph && npm ci --no-audit --no-fund --silent)
fi
