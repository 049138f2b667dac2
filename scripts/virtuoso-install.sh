#!/bin/sh
# Install the Virtuoso SPARQL store (Debian 12 package virtuoso-opensource,
# 7.2) for tests/virtuoso.sh and doc/virtuoso.md.  Run as root.  Safe to run
# again: does nothing when virtuoso-t and isql-vt are already there.
#
# The package asks for a "dba" password through debconf.  We preseed it
# (VIRTUOSO_DBA_PASSWORD, default "dba", the same as the package's
# noninteractive default) so the install never stops for a question.  The
# password only protects the system-wide database in
# /var/lib/virtuoso-opensource-7; the tests start their own private server,
# whose fresh database always has dba/dba.
#
# The package does not start a server here (no init system in containers);
# see doc/virtuoso.md for starting one by hand.
set -eu
if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
	echo "virtuoso-install: already installed ($(command -v virtuoso-t))"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "virtuoso-install: run as root (apt-get install virtuoso-opensource)" >&2
	exit 1
fi
PW=${VIRTUOSO_DBA_PASSWORD:-dba}
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# debconf-set-selections comes with debconf, always present on Debian.
printf '%s\n' \
	"virtuoso-opensource-7 virtuoso-opensource-7/dba-password password $PW" \
	"virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password $PW" |
	debconf-set-selections
# --no-install-recommends leaves out the web Conductor and start page
# packages; the SPARQL endpoint (/sparql) is built into the server.
apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null
echo "virtuoso-install: installed $(dpkg-query -W -f='${Version}' virtuoso-opensource-7)"
