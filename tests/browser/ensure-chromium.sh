#!/bin/sh
# Browser tests drive Debian's Chromium, never a downloaded browser build.
# Finds it at $EIP_CHROMIUM or /usr/bin/chromium; installs Debian's package when it can.
set -eu

browser="${EIP_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
    exit 0
fi
if [ -n "${EIP_CHROMIUM:-}" ]; then
    echo "EIP_CHROMIUM is set to $EIP_CHROMIUM, but no executable is there." >&2
    echo "Point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium." >&2
    exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium package for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium and none is installed." >&2
echo "Install it with: sudo apt-get install chromium" >&2
echo "or set EIP_CHROMIUM to the path of a Chromium binary." >&2
exit 1
