#!/bin/sh
# Configure and build in the source tree (after setup-debian.sh).
set -eu
cd "$(dirname "$0")/.."
[ -x configure ] || ./autogen.sh >/dev/null
[ -f Makefile ] || ./configure -q "$@"
make -s -j"$(nproc 2>/dev/null || echo 2)"
