#!/bin/sh
# Install the Virtuoso SPARQL store (Debian 12 package virtuoso-opensource,
# 7.2) for tests/virtuoso.sh and doc/virtuoso.md.  Run as root.  Safe to run
# again: does nothing when virtuoso-t and isql-vt are already there.
#
# The package asks for a password for its "dba" account through debconf;
# we answer it in advance so the install never stops for a question:
#
#   - by default with an empty answer (the package's noninteractive
#     default): the system-wide instance keeps the well-known dba/dba login,
#     so this script then disables that instance (on machines with an init
#     system the package would otherwise start it on ports 1111 and 8890 of
#     every interface).  ytegraph's tests and doc/virtuoso.md start their own
#     private server on 127.0.0.1 and do not need it;
#   - with VIRTUOSO_DBA_PASSWORD=... in the environment: the package sets
#     that password and the system-wide instance stays enabled.
#
# In containers (no init system, or a policy-rc.d that forbids starting
# services) no server is started either way.  Takes about 12 s on Debian 12
# (apt-get update included); about 16 MB installed.
set -eu
if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
	echo "virtuoso-install: already installed ($(command -v virtuoso-t))"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "virtuoso-install: run as root (it runs apt-get install virtuoso-opensource)" >&2
	exit 1
fi
PW=${VIRTUOSO_DBA_PASSWORD:-}
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
if [ -z "$PW" ] && [ -x /etc/init.d/virtuoso-opensource-7 ]; then
	invoke-rc.d virtuoso-opensource-7 stop >/dev/null 2>&1 || true
	update-rc.d virtuoso-opensource-7 disable >/dev/null 2>&1 || true
	if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
		systemctl disable --now virtuoso-opensource-7 >/dev/null 2>&1 || true
	fi
	echo "virtuoso-install: the system-wide instance (default dba/dba login) is disabled;"
	echo "virtuoso-install: see doc/virtuoso.md to start a private server"
fi
echo "virtuoso-install: installed virtuoso-opensource $(dpkg-query -W -f='${Version}' virtuoso-opensource-7)"
