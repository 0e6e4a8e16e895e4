#!/usr/bin/env bash
# Prints one closing line with the totals of every Surefire report of the reactor plus the smoke checks:
#   tests: N passed, N failed, N skipped
# Usage: test-totals.sh SMOKE_PASSED SMOKE_FAILED
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/env.sh"
tests=0 failed=0 skipped=0
for report in "$MM_ROOT"/bundles/*/target/surefire-reports/TEST-*.xml; do
  [ -f "$report" ] || continue
  header=$(grep -m1 -o '<testsuite [^>]*>' "$report")
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$header"; }
  tests=$((tests + $(attr tests)))
  failed=$((failed + $(attr failures) + $(attr errors)))
  skipped=$((skipped + $(attr skipped)))
done
passed=$((tests - failed - skipped + ${1:-0}))
failed=$((failed + ${2:-0}))
echo "tests: $passed passed, $failed failed, $skipped skipped"
