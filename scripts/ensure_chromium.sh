#!/usr/bin/env bash
# Before the browser tests: the system Chromium they drive through Playwright must be installed.
# Playwright never downloads a browser here; Debian's `chromium` package is installed when missing.
set -euo pipefail
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [ -x "$chromium" ]; then
  exit 0
fi

echo "Chromium is needed for the browser tests (tests/browser) and is not at $chromium."
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Install Chromium with your system's package manager, or set CHROMIUM to its path."
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "Installing it needs root: run 'sudo apt-get install chromium' (or set CHROMIUM to a Chromium binary)."
  exit 1
fi
echo "Installing Debian's chromium package with apt-get"
${as_root[@]+"${as_root[@]}"} apt-get update -qq
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends chromium
if [ ! -x "$chromium" ]; then
  echo "apt-get installed chromium, but there is still nothing at $chromium: set CHROMIUM to its path."
  exit 1
fi
