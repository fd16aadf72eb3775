#!/usr/bin/env bash
# PDF tests read the printed text back with pdftotext; install Debian's poppler-utils when this machine lacks it.
set -euo pipefail
if command -v pdftotext > /dev/null 2>&1; then exit 0; fi
echo "pdftotext is missing: installing Debian's poppler-utils package"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends poppler-utils > /dev/null
pdftotext -v 2>&1 | head -n 1
