#!/usr/bin/env bash
# Runs every test of the project: installs what the tests need (when run as root), then the OSGi and UI
# tests of the whole reactor under a virtual display, then a smoke test of the built products.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
source releng/scripts/env.sh

# Debian packages: xvfb for the UI tests; dovecot (IMAP/POP3) and radicale (CalDAV/CardDAV) are the real
# servers the tests start on loopback; openssl makes their test certificates.
PACKAGES="xvfb xauth dovecot-core dovecot-imapd dovecot-pop3d radicale openssl"
missing=()
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "run-tests: missing Debian packages: ${missing[*]} (run as root to install them)" >&2; exit 1
  fi
  echo "run-tests: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mm_find_jdk
echo "run-tests: JDK $JAVA_HOME"
xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B verify "$@"
touch "$MM_BUILT_MARK"

# The products as a user starts them: the launcher script, headless.
releng/scripts/smoke.sh
