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
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
jar() { local j; j=$(ls -d $M2/$1 2>/dev/null | sort -V | tail -1); [ -n "$j" ] || { echo "missing $1 (build the project first)" >&2; exit 1; }; echo "$j"; }
CP="$B/org.mailmigrator.core/target/classes:$B/org.mailmigrator.connector.imap/target/classes"
CP="$CP:$B/org.mailmigrator.testing/target/classes:$B/org.mailmigrator.connector.imap.tests/target/classes"
CP="$CP:$(jar jakarta/mail/jakarta.mail-api/2.1.5/jakarta.mail-api-2.1.5.jar)"
CP="$CP:$(jar org/eclipse/angus/angus-mail/2.0.5/angus-mail-2.0.5.jar)"
CP="$CP:$(jar 'org/eclipse/angus/angus-activation/2.*/angus-activation-2.*.jar')"
CP="$CP:$(jar 'jakarta/activation/jakarta.activation-api/2.*/jakarta.activation-api-2.*.jar')"
CP="$CP:$(jar com/h2database/h2/2.5.252/h2-2.5.252.jar)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.mailmigrator.connector.imap.bench.ImapBenchmark "$@"
