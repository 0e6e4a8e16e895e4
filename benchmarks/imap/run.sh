#!/usr/bin/env bash
# IMAP benchmark: a private Dovecot, a deterministic corpus, Dovecot's own migration path (doveadm backup -R
# with an imapc: source) as the anchor, then mailmigrator (-Xmx128m) and its no-op resync.
#   benchmarks/imap/run.sh [MESSAGES [SEED [PARALLEL]]]      default 20000 42 3
# Needs dovecot-imapd (run as root, it runs Dovecot as the 'dovecot' user) and a JDK >= 21.
# Builds the bundles it needs (without tests) when their classes are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
source "$ROOT/releng/scripts/env.sh"
mm_find_jdk
cd "$ROOT"
B=bundles
MODULES="$B/org.mailmigrator.core,$B/org.mailmigrator.connector.imap,$B/org.mailmigrator.testing,$B/org.mailmigrator.cli,$B/org.mailmigrator.connector.imap.tests"
if [ ! -d "$B/org.mailmigrator.connector.imap.tests/target/classes/org/mailmigrator/connector/imap/bench" ]; then
  echo "building $MODULES ..." >&2
  ./mvnw -B -q -DskipTests verify -pl "$MODULES" >&2
fi
CP="$B/org.mailmigrator.core/target/classes:$B/org.mailmigrator.connector.imap/target/classes"
CP="$CP:$B/org.mailmigrator.testing/target/classes:$B/org.mailmigrator.connector.imap.tests/target/classes"
CP="$CP:$(mm_mail_classpath)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.mailmigrator.connector.imap.bench.ImapBenchmark "$@"
