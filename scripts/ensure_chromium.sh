#!/usr/bin/env bash
# Before the browser tests: the system Chromium they drive through Playwright must be installed.
# Playwright never downloads a browser here; Debian's `chromium` package is installed when missing,
# and a Chinese font (fonts-noto-cjk) so the admin's Chinese screens render in the screenshots.
set -euo pipefail
chromium="${CHROMIUM:-/usr/bin/chromium}"

missing=()
[ -x "$chromium" ] || missing+=(chromium)
if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh-cn family 2>/dev/null)" ]; }; then
  missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

need_browser=0
[ -x "$chromium" ] || need_browser=1
explain() {
  # Only a missing browser stops the tests; a missing font only shows as boxes in Chinese screenshots.
  echo "$1"
  if [ "$need_browser" -eq 1 ]; then exit 1; fi
  exit 0
}

echo "For the browser tests (tests/browser): installing ${missing[*]} (Chromium expected at $chromium)."
if ! command -v apt-get >/dev/null 2>&1; then
  explain "Install ${missing[*]} with your system's package manager (or set CHROMIUM to a Chromium binary)."
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  explain "Installing needs root: run 'sudo apt-get install ${missing[*]}' (or set CHROMIUM to a Chromium binary)."
fi
${as_root[@]+"${as_root[@]}"} apt-get update -qq || true
if ! ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  explain "apt-get could not install ${missing[*]}."
fi
if [ ! -x "$chromium" ]; then
  echo "apt-get installed chromium, but there is still nothing at $chromium: set CHROMIUM to its path."
  exit 1
fi
