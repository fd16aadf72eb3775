#!/usr/bin/env bash
# The multi-server tests start real PostgreSQL, Redis and nginx; install Debian's packages when
# this machine lacks them (the tests then start their own instances in temporary directories).
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl > /dev/null 2>&1 || missing+=(postgresql)
command -v redis-server > /dev/null 2>&1 || missing+=(redis-server)
command -v nginx > /dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian's ${missing[*]} for the multi-server tests"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
# Debian starts the packaged services; the tests run their own on free ports instead.
for service in postgresql redis-server nginx; do $SUDO service "$service" stop > /dev/null 2>&1 || true; done
