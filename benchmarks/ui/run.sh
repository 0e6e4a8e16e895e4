#!/usr/bin/env bash
# UI benchmark: sorting the Migrations view with 10,000 migrations (budget: 200 ms per sort, header click to
# repainted rows). The figure is printed by the UI test LargeTableTest, which runs in the real workbench under
# a virtual display; this script runs only that test and prints its "UI benchmark:" line.
#   benchmarks/ui/run.sh
# Needs xvfb-run and a JDK >= 21.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
MODULES="$B/org.mailmigrator.core,$B/org.mailmigrator.autodetect,$B/org.mailmigrator.cli,$B/org.mailmigrator.ui"
MODULES="$MODULES,$B/org.mailmigrator.app,$B/org.mailmigrator.connector.imap,$B/org.mailmigrator.connector.ical"
MODULES="$MODULES,$B/org.mailmigrator.connector.vcard,$B/org.mailmigrator.connector.dav,$B/org.mailmigrator.connector.ews"
MODULES="$MODULES,$B/org.mailmigrator.batch,$B/org.mailmigrator.testing,$B/org.mailmigrator.testing.connectors"
MODULES="$MODULES,features/org.mailmigrator.headless.feature,features/org.mailmigrator.ui.feature,$B/org.mailmigrator.ui.tests"
log="$(mktemp -t ui-benchmark.XXXXXX.log)"
if ! xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B verify -pl "$MODULES" -Dtest=LargeTableTest >"$log" 2>&1; then
  grep -E '^\[ERROR\]' "$log" | head -20 >&2
  echo "ui benchmark: build or test failed; log: $log" >&2
  exit 1
fi
grep -h "UI benchmark:" "$log" | sort -u || { echo "ui benchmark: no figure printed; log: $log" >&2; exit 1; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; log: $log"
