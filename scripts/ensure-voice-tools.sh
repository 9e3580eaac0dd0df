#!/usr/bin/env bash
# What the kiosk's offline voice is made with: espeak-ng (the stand-in voice) and sox. Installs what is
# missing when we may (root + apt-get), else says in one line what to install. Exit 0 when both are there.
set -uo pipefail
missing=()
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v sox >/dev/null 2>&1 || missing+=(sox)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "${EUID:-1}" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the kiosk's voice …"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
    exit 0
  fi
fi
echo "The kiosk will be silent without offline voice clips: install ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]}; macOS: brew install ${missing[*]}), then run pnpm voice:clips." >&2
exit 1
