#!/bin/sh
# Install what the browser test (test/e2e/quiz-html.test.ts) needs: Debian's chromium.
# Called by CI before `npm test`; harmless when chromium is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "ensure-chromium: installing Debian's chromium (for the HTML export browser test)" >&2
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version >&2
