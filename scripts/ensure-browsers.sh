#!/usr/bin/env bash
# Installs the browsers the demo and the E2E tests drive, from Debian, when they are missing.
# Idempotent: does nothing when they are there. Needs root for apt-get (as on CI and dev machines).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ "${1:-}" != "--chromium-only" ]; then
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
fi
fc-list 2>/dev/null | grep -qi 'dejavu' || missing+=(fonts-dejavu-core)
((${#missing[@]})) || exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Gloss needs: ${missing[*]}. Install them (Debian: sudo apt-get install -y ${missing[*]})." >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
