#!/usr/bin/env bash
# The kiosk's browser tests drive Debian's Chromium (Playwright cannot download its own browser here),
# with CJK fonts so screenshots show Chinese. Installs both when missing and we may (root + apt).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'noto sans cjk'; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium and CJK fonts: sudo apt-get install chromium fonts-noto-cjk" >&2
exit 1
