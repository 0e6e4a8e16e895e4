#!/usr/bin/env bash
# Batch benchmark: a private Dovecot with PAIRS small mailboxes (BIG of them with a 20 MB message); the same
# pairs run on a bare engine thread pool (anchor) and through the batch manager, each in a -Xmx256m JVM.
#   benchmarks/batch/run.sh [PAIRS [PARALLEL [BIG]]]      default 200 8 8
# Needs dovecot-imapd and a JDK >= 21. Builds the bundles it needs (without tests) when their classes are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
source "$ROOT/releng/scripts/env.sh"
mm_find_jdk
cd "$ROOT"
B=bundles
MODULES="$B/org.mailmigrator.core,$B/org.mailmigrator.connector.imap,$B/org.mailmigrator.testing,$B/org.mailmigrator.autodetect,$B/org.mailmigrator.cli,$B/org.mailmigrator.batch,$B/org.mailmigrator.batch.tests"
if [ ! -f "$B/org.mailmigrator.batch.tests/target/classes/org/mailmigrator/batch/tests/BatchBenchmark.class" ]; then
  echo "building $MODULES ..." >&2
  ./mvnw -B -q -DskipTests verify -pl "$MODULES" >&2
fi
CP="$B/org.mailmigrator.core/target/classes:$B/org.mailmigrator.connector.imap/target/classes"
CP="$CP:$B/org.mailmigrator.testing/target/classes:$B/org.mailmigrator.batch/target/classes"
CP="$CP:$B/org.mailmigrator.batch.tests/target/classes"
CP="$CP:$(mm_mail_classpath)"
CP="$CP:$(mm_m2_jar org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar)"
CP="$CP:$(mm_m2_jar 'commons-io/commons-io/2.*/commons-io-2.*.jar')"
CP="$CP:$(mm_m2_jar 'commons-codec/commons-codec/1.*/commons-codec-1.*.jar')"
CP="$CP:$(mm_m2_jar 'org/eclipse/platform/org.eclipse.core.jobs/3.*/org.eclipse.core.jobs-3.*.jar')"
CP="$CP:$(mm_m2_jar 'org/eclipse/platform/org.eclipse.equinox.common/3.*/org.eclipse.equinox.common-3.*.jar')"
CP="$CP:$(mm_m2_jar 'org/eclipse/platform/org.eclipse.osgi/3.*/org.eclipse.osgi-3.*.jar')"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.mailmigrator.batch.tests.BatchBenchmark "$@"
