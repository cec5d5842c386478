#!/usr/bin/env bash
# Installs the Debian packages Headroom's tests use, when they are missing: Chromium (browser
# tests, PDF printing) and the real tools that read our exports (named-checkzone, dhcpd,
# kea-dhcp4, pdftotext, LibreOffice Calc for the CSV exports, netaddr as the IP reference,
# statsmodels as the forecasts' reference, sqlite3 as the import benchmark's reference, GNU time for its peak memory). Needs root (or sudo) to install.
set -euo pipefail
declare -A need=(
  [chromium]=/usr/bin/chromium
  [bind9-utils]=/usr/bin/named-checkzone
  [poppler-utils]=/usr/bin/pdftotext
  [isc-dhcp-server]=/usr/sbin/dhcpd
  [kea-dhcp4-server]=/usr/sbin/kea-dhcp4
  [libreoffice-calc-nogui]=/usr/bin/soffice
  [sqlite3]=/usr/bin/sqlite3
  [time]=/usr/bin/time
)
missing=()
for pkg in "${!need[@]}"; do [ -x "${need[$pkg]}" ] || missing+=("$pkg"); done
/usr/bin/python3 -c 'import netaddr' 2>/dev/null || missing+=(python3-netaddr)
# statsmodels is the forecasts' external oracle (test/support/forecast_oracle.py).
/usr/bin/python3 -c 'import statsmodels' 2>/dev/null || missing+=(python3-statsmodels)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages to install: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "not root and no sudo: install them yourself (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian services must not run on a developer's machine just because the tools are there.
for svc in isc-dhcp-server kea-dhcp4-server; do $SUDO systemctl disable --now "$svc" >/dev/null 2>&1 || true; done
echo "system packages: installed ${missing[*]}"
