#!/usr/bin/env bash
# The fault-injection suite, long form (issue 11): a private Dovecot, a corpus with big messages, then CYCLES
# passes of the real engine in child JVMs, SIGKILLed at random points of first and later passes and resumed,
# every connection through a relay that cuts or stalls it every 1-6 MB, the source changed during runs,
# destination messages expunged between runs, two writers with different state folders every 10th cycle;
# a last clean pass, then a message-by-message comparison and a password canary grep over every written file.
# Prints cycles, lost, duplicated, modified, hangs, secrets found: all zero to pass (exit 0), else exit 1.
#   benchmarks/faults/run.sh [CYCLES [SEED [PER_FOLDER [BIG_MESSAGES [WORKDIR]]]]]   default 100 11 40 12
# Needs dovecot-imapd (run as root, it runs Dovecot as the 'dovecot' user) and a JDK >= 21.
# The short form runs in the test suite: FaultSuiteTest in org.mailmigrator.connector.imap.tests.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
MODULES="$B/org.mailmigrator.core,$B/org.mailmigrator.autodetect,$B/org.mailmigrator.batch,$B/org.mailmigrator.demo"
MODULES="$MODULES,$B/org.mailmigrator.connector.imap,$B/org.mailmigrator.testing,$B/org.mailmigrator.cli,$B/org.mailmigrator.connector.imap.tests"
bench_build_missing "$B/org.mailmigrator.connector.imap.tests/target/classes/org/mailmigrator/connector/imap/tests/FaultSuite.class" "$MODULES"
CP="$(bench_classpath core connector.imap testing connector.imap.tests)"
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" org.mailmigrator.connector.imap.tests.FaultSuite "$@"
