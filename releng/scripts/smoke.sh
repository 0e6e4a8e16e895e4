#!/usr/bin/env bash
# Smoke test of the materialized products through ./mailmigrator, as a user runs them.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/env.sh"
cd "$MM_ROOT"
export MAILMIGRATOR_WORKSPACE="$(mktemp -d)"
fail=0 ok=0
check() { # name, expected text, command...
  local name="$1" expected="$2" out; shift 2
  if out=$("$@" 2>&1) && grep -q -- "$expected" <<<"$out"; then
    echo "smoke: ok   $name"; ok=$((ok + 1))
  else
    echo "smoke: FAIL $name (expected '$expected'):"; echo "$out" | head -20; fail=$((fail + 1))
  fi
}
check "./mailmigrator --version" "Mail Migrator Workbench 0.1.0" ./mailmigrator --version
check "./mailmigrator connectors lists the IMAP connector" "^imap  *IMAP" ./mailmigrator connectors
check "./mailmigrator connectors lists the CalDAV/CardDAV connector" "^dav " ./mailmigrator connectors
check "./mailmigrator detect --offline (presets in the product)" "imap.gmail.com" ./mailmigrator detect alice@gmail.com --offline
check "./mailmigrator --help" "Usage: mailmigrator" ./mailmigrator --help
# GreenMail resolves and serves IMAP inside the headless product, and the engine syncs the demo batch
check "./mailmigrator demo (in-process IMAP servers, batch to Synced)" "5 Synced; messages 301 / 301 (100 %)" ./mailmigrator demo
# SIGTERM of batch run mid-copy against a private Dovecot (needs dovecot-imapd and the reactor's compiled test
# server classes): exit 7, rows Interrupted, the next run resumes to Synced with nothing lost or duplicated
check "./mailmigrator batch run stopped by SIGTERM, then resumed exact" "^sigterm: ok" releng/scripts/sigterm.sh
rm -rf "$MAILMIGRATOR_WORKSPACE"
echo "$ok $fail" > "${SMOKE_RESULT:-/dev/null}"
[ "$fail" -eq 0 ]
