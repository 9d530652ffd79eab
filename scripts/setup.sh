#!/usr/bin/env bash
# Makes sure what migplan builds against is installed: pkg-config, libxml2's
# and zlib's headers (Debian: pkg-config, libxml2-dev, zlib1g-dev; zlib for
# the workbook's zip library). With --test, also what the tests open the
# outputs with: headless Chromium, a Japanese font, poppler's pdfinfo, tmux,
# LibreOffice, a Java runtime, Python's venv and TaskJuggler (Debian:
# chromium, fonts-noto-cjk, poppler-utils, tmux, libreoffice-calc-nogui,
# default-jre-headless, python3-venv, tj3), and a Python environment in
# .build/test-venv with openpyxl, mpxj and JPype1 from PyPI (Debian's Python
# refuses system-wide pip installs); with --bench, xmllint, GNU time and
# tj3. Run by ./run, ./test and scripts/bench; safe to run again.
set -euo pipefail

needs=()
command -v pkg-config >/dev/null 2>&1 || needs+=(pkg-config)
if ! pkg-config --exists libxml-2.0 2>/dev/null; then needs+=(libxml2-dev); fi
if ! pkg-config --exists zlib 2>/dev/null; then needs+=(zlib1g-dev); fi
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--screenshots" ]; then
  command -v chromium >/dev/null 2>&1 || needs+=(chromium)
  [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 \
    || needs+=(fonts-noto-cjk)
  command -v pdfinfo >/dev/null 2>&1 || needs+=(poppler-utils)
  command -v tmux >/dev/null 2>&1 || needs+=(tmux)
  command -v soffice >/dev/null 2>&1 || needs+=(libreoffice-calc-nogui)
  command -v java >/dev/null 2>&1 || needs+=(default-jre-headless)
  /usr/bin/python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || needs+=(python3-venv)
  command -v tj3 >/dev/null 2>&1 || needs+=(tj3)
fi
if [ "${1:-}" = "--bench" ]; then
  command -v xmllint >/dev/null 2>&1 || needs+=(libxml2-utils)
  [ -x /usr/bin/time ] || needs+=(time)
  command -v tj3 >/dev/null 2>&1 || needs+=(tj3)
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

# The tests' Python environment: openpyxl reads the workbook, MPXJ (through
# JPype and the Java runtime) the MS Project file.
if [ "${1:-}" = "--test" ]; then
  venv="$(cd "$(dirname "$0")/.." && pwd)/.build/test-venv"
  if ! "$venv/bin/python" -c 'import openpyxl, mpxj, jpype' >/dev/null 2>&1; then
    echo "migplan: preparing $venv (openpyxl, mpxj, JPype1 from PyPI)" >&2
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check openpyxl==3.1.5 mpxj==16.10.0 JPype1==1.7.1 >&2
  fi
fi
