#!/usr/bin/env bash
# Runs every test of the project: installs what the tests need (when run as root), then the OSGi and UI
# tests of the whole reactor under a virtual display, a third-party connector built against the update
# site, and a smoke test of the built products through ./mailmigrator.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
source releng/scripts/env.sh

# Debian packages: xvfb and GTK 3 for the UI tests; dovecot (IMAP/POP3) and radicale (CalDAV/CardDAV) are
# the real servers the tests start on loopback (xandikos: the strict CalDAV/CardDAV server of the real-world corpus
# test); python3-aiosmtpd is the SMTP server the batch notification
# test starts; openssl makes their test certificates. dbus-daemon, dbus-bin (dbus-send), gnome-keyring, libsecret-1-0
# and libsecret-tools (secret-tool): the OS keyring of the workbench's secure storage test (KeyringTest), on a
# private session bus the test serves itself. python3-yaml: the Kubernetes manifests' check (releng/scripts/check-deploy.sh).
mm_ensure_packages xvfb xauth $MM_UI_PACKAGES dovecot-core dovecot-imapd dovecot-pop3d radicale xandikos python3-aiosmtpd openssl postgresql pst-utils \
  dbus-daemon dbus-bin gnome-keyring libsecret-1-0 libsecret-tools python3-yaml
# node runs hoodiecrow-imap 2.1.0 (npm registry), the Gmail-like IMAP server of the connector tests, from the folder
# org.mailmigrator.testing.Hoodiecrow looks in (it runs the same npm install itself when the folder is missing).
mm_ensure_packages nodejs
command -v npm >/dev/null || mm_ensure_packages npm
hoodiecrow_home="$HOME/.cache/mailmigrator-tests/hoodiecrow-imap-2.1.0"
[ -f "$hoodiecrow_home/node_modules/hoodiecrow-imap/package.json" ] \
  || npm install --no-audit --no-fund --prefix "$hoodiecrow_home" hoodiecrow-imap@2.1.0 >/dev/null
# Cyrus IMAP and Courier-IMAP (the scenario matrix) conflict with dovecot-imapd: unpacked, not installed.
source releng/scripts/test-servers.sh
mm_ensure_test_servers

mm_find_jdk
echo "run-tests: JDK $JAVA_HOME"
# mock-oauth2-server 2.3.0 (Maven Central), the OAuth2 authorization server of the sign-in tests, runs in a JVM of its
# own from the class path resolved here into the file org.mailmigrator.testing.MockOAuth2Server reads (it resolves it
# itself with Maven when missing).
oauth2_home="$HOME/.cache/mailmigrator-tests/mock-oauth2-server-2.3.0"
if [ ! -f "$oauth2_home/classpath.txt" ]; then
  mkdir -p "$oauth2_home"
  cat > "$oauth2_home/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.mailmigrator.testing</groupId>
  <artifactId>mock-oauth2-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>no.nav.security</groupId>
      <artifactId>mock-oauth2-server</artifactId>
      <version>2.3.0</version>
    </dependency>
  </dependencies>
</project>
POM
  ./mvnw -B -q -f "$oauth2_home/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$oauth2_home/classpath.part"
  mv "$oauth2_home/classpath.part" "$oauth2_home/classpath.txt"
fi
xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B verify "$@"
touch "$MM_BUILT_MARK"

# A third party's connector, built against the p2 update site alone.
echo "run-tests: building examples/org.example.mailmigrator.connector against the update site"
./mvnw -B -q -f examples/org.example.mailmigrator.connector/pom.xml verify

# The products as a user starts them: the launcher script, headless.
smoke_result="$(mktemp)"
SMOKE_RESULT="$smoke_result" releng/scripts/smoke.sh || smoke_failed=1
releng/scripts/test-totals.sh $(cat "$smoke_result")
rm -f "$smoke_result"
exit "${smoke_failed:-0}"
