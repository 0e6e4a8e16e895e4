#!/usr/bin/env bash
# IMAP benchmark: a private Dovecot, a deterministic corpus, Dovecot's own migration path (doveadm backup -R
# with an imapc: source) as the anchor, then mailmigrator (-Xmx128m) and its no-op resync.
#   benchmarks/imap/run.sh [MESSAGES [SEED [PARALLEL]]]      default 20000 42 3
# Needs dovecot-imapd (run as root, it runs Dovecot as the 'dovecot' user) and a JDK >= 21.
# Builds the bundles it needs (without tests) when their classes are missing.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
MODULES="$B/org.mailmigrator.core,$B/org.mailmigrator.connector.imap,$B/org.mailmigrator.testing,$B/org.mailmigrator.cli,$B/org.mailmigrator.connector.imap.tests"
bench_build_missing "$B/org.mailmigrator.connector.imap.tests/target/classes/org/mailmigrator/connector/imap/bench" "$MODULES"
CP="$(bench_classpath core connector.imap testing connector.imap.tests)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.mailmigrator.connector.imap.bench.ImapBenchmark "$@"
