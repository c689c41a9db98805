#!/usr/bin/env bash
# Installs Debian's chromium when it is missing: the browser tests drive it through Microsoft.Playwright
# (tests/Jar.Testing.Browser), which downloads no browser of its own. Needs root to install, as CI has.
# Usage: scripts/chromium.sh   (JAR_TEST_CHROMIUM names another binary; then nothing is installed)
set -euo pipefail

chromium_path=${JAR_TEST_CHROMIUM:-/usr/bin/chromium}
if [ -x "$chromium_path" ]; then
  echo "chromium: $("$chromium_path" --version 2>/dev/null || echo "$chromium_path")"
  exit 0
fi

if [ -n "${JAR_TEST_CHROMIUM:-}" ]; then
  echo "chromium: JAR_TEST_CHROMIUM=$JAR_TEST_CHROMIUM is not an executable" >&2
  exit 1
fi

echo "chromium: installing Chromium from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "chromium: $(/usr/bin/chromium --version)"
