#!/usr/bin/env bash
# The quota and APPENDLIMIT part of the fault-injection suite, long form (issues 11 and 14): a destination Dovecot
# with a storage quota and an announced APPENDLIMIT, mostly filled by other mail; every connection through a relay
# that answers like a provider past its limits ([THROTTLED], bandwidth [OVERQUOTA], BYE Session expired, Microsoft's
# suggested backoff); CYCLES passes, space made between them, then a message-by-message comparison.
# Prints quota cycles, full stops, limit answers, over APPENDLIMIT listed, lost, duplicated, unexpected skips:
# the last three zero to pass (exit 0), else exit 1.
#   benchmarks/faults/quota.sh [CYCLES [MESSAGES [SEED [WORKDIR]]]]   default 12 600 11
# Needs dovecot-imapd and a JDK >= 21. The short form runs in FaultSuiteTest (org.mailmigrator.connector.imap.tests).
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
MODULES="$B/org.mailmigrator.core,$B/org.mailmigrator.autodetect,$B/org.mailmigrator.batch,$B/org.mailmigrator.demo"
MODULES="$MODULES,$B/org.mailmigrator.connector.imap,$B/org.mailmigrator.testing,$B/org.mailmigrator.cli,$B/org.mailmigrator.connector.imap.tests"
bench_build_missing "$B/org.mailmigrator.connector.imap.tests/target/classes/org/mailmigrator/connector/imap/tests/QuotaFaults.class" "$MODULES"
CP="$(bench_classpath core connector.imap testing connector.imap.tests)"
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" org.mailmigrator.connector.imap.tests.QuotaFaults "$@"
