#!/usr/bin/env bash
# Makes sure what migplan builds against is installed: pkg-config and
# libxml2's headers (Debian: pkg-config, libxml2-dev). With --test, also what
# the tests check the outputs with: headless Chromium, a Japanese font,
# poppler's pdfinfo and tmux (Debian: chromium, fonts-noto-cjk,
# poppler-utils, tmux); with
# --bench, xmllint and GNU time. Run by ./run, ./test and scripts/bench; safe
# to run again.
set -euo pipefail

needs=()
command -v pkg-config >/dev/null 2>&1 || needs+=(pkg-config)
if ! pkg-config --exists libxml-2.0 2>/dev/null; then needs+=(libxml2-dev); fi
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--screenshots" ]; then
  command -v chromium >/dev/null 2>&1 || needs+=(chromium)
  [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 \
    || needs+=(fonts-noto-cjk)
  command -v pdfinfo >/dev/null 2>&1 || needs+=(poppler-utils)
  command -v tmux >/dev/null 2>&1 || needs+=(tmux)
fi
if [ "${1:-}" = "--bench" ]; then
  command -v xmllint >/dev/null 2>&1 || needs+=(libxml2-utils)
  [ -x /usr/bin/time ] || needs+=(time)
fi

if [ ${#needs[@]} -gt 0 ]; then
  echo "migplan: installing ${needs[*]} (apt-get)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needs[@]}" >&2
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needs[@]}" >&2
  else
    echo "migplan: please run as root: apt-get update && apt-get install -y ${needs[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "migplan: Swift 6 is needed (https://www.swift.org/install/linux/)" >&2
  exit 1
fi
