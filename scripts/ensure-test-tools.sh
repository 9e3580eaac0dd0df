#!/usr/bin/env bash
# Tools the tests use from Debian: Chromium for the kiosk's browser tests (Playwright cannot download
# its own browser here) with CJK fonts so screenshots show Chinese, and espeak-ng + sox that make and
# measure the offline voice clips. Installs what is missing when we may (root + apt).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto sans cjk' || missing+=(fonts-noto-cjk)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v sox >/dev/null 2>&1 || missing+=(sox)
command -v soxi >/dev/null 2>&1 || missing+=(sox)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need these Debian packages: sudo apt-get install ${missing[*]}" >&2
exit 1
