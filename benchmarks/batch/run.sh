#!/usr/bin/env bash
# Batch benchmark: a private Dovecot with PAIRS small mailboxes (BIG of them with a 20 MB message); the same
# pairs run on a bare engine thread pool (anchor) and through the batch manager, each in a -Xmx256m JVM.
#   benchmarks/batch/run.sh [PAIRS [PARALLEL [BIG]]]      default 200 8 8
# Needs dovecot-imapd and a JDK >= 21. Builds the bundles it needs (without tests) when their classes are missing.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
MODULES="$B/org.mailmigrator.core,$B/org.mailmigrator.connector.imap,$B/org.mailmigrator.testing,$B/org.mailmigrator.autodetect,$B/org.mailmigrator.cli,$B/org.mailmigrator.batch,$B/org.mailmigrator.batch.tests"
bench_build_missing "$B/org.mailmigrator.batch.tests/target/classes/org/mailmigrator/batch/tests/BatchBenchmark.class" "$MODULES"
CP="$(bench_classpath core connector.imap testing batch batch.tests)"
CP="$CP:$(mm_m2_jar org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar)"
CP="$CP:$(mm_m2_jar 'commons-io/commons-io/2.*/commons-io-2.*.jar')"
CP="$CP:$(mm_m2_jar 'commons-codec/commons-codec/1.*/commons-codec-1.*.jar')"
CP="$CP:$(mm_m2_jar 'org/eclipse/platform/org.eclipse.core.jobs/3.*/org.eclipse.core.jobs-3.*.jar')"
CP="$CP:$(mm_m2_jar 'org/eclipse/platform/org.eclipse.equinox.common/3.*/org.eclipse.equinox.common-3.*.jar')"
CP="$CP:$(mm_m2_jar 'org/eclipse/platform/org.eclipse.osgi/3.*/org.eclipse.osgi-3.*.jar')"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.mailmigrator.batch.tests.BatchBenchmark "$@"
