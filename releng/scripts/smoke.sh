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
# The headless start (mm_headless_start): four commands starting at once with neither boot jars nor cache print
# nothing but their answer; one creator leaves exactly one boot folder (two unsigned jars) and one cache and no
# temporary file, and the next command starts from them; a damaged cache is ignored quietly
aot_cache_check() {
  local conf="$MM_HEADLESS/configuration" i errs caches boots
  ./mailmigrator --version >/dev/null 2>&1 # builds the product when needed
  sleep 1; flock "$conf/.mailmigrator-aot.lock" true
  rm -rf "$conf"/mailmigrator-headless-*.aot "$conf"/mailmigrator-boot-*
  for i in 1 2 3 4; do ./mailmigrator --version >"$MAILMIGRATOR_WORKSPACE/aot$i.out" 2>"$MAILMIGRATOR_WORKSPACE/aot$i.err" & done
  wait
  sleep 1; timeout 300 flock "$conf/.mailmigrator-aot.lock" true
  errs=$(cat "$MAILMIGRATOR_WORKSPACE"/aot?.err)
  [ -z "$errs" ] || { echo "aot: FAIL stderr: $errs"; return 1; }
  [ "$(grep -l 'Mail Migrator Workbench' "$MAILMIGRATOR_WORKSPACE"/aot?.out | wc -l)" = 4 ] || { echo "aot: FAIL no version"; return 1; }
  caches=$(find "$conf" -maxdepth 1 -name 'mailmigrator-headless-*' | wc -l)
  [ "$caches" = 1 ] || { echo "aot: FAIL $caches cache files: $(ls "$conf")"; return 1; }
  boots=$(find "$conf" -maxdepth 1 -name 'mailmigrator-boot-*' | wc -l)
  [ "$boots" = 1 ] && [ "$(ls "$conf"/mailmigrator-boot-*/)" = "$(printf 'framework.jar\nlauncher.jar')" ] ||
    { echo "aot: FAIL boot folders: $(ls -R "$conf")"; return 1; }
  # signature files gone (the JDK neither verifies them at each start nor keeps the classes out of the cache)
  if (mm_find_jdk && "$JAVA_HOME/bin/jar" tf "$conf"/mailmigrator-boot-*/framework.jar) | grep -q 'META-INF/.*\.\(SF\|RSA\)$'; then
    echo "aot: FAIL the boot framework jar is still signed"; return 1
  fi
  # the next command takes the framework's classes from the cache (JAVA_TOOL_OPTIONS leaves the cache's key alone)
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$MAILMIGRATOR_WORKSPACE/classes.log" ./mailmigrator --version >/dev/null 2>&1
  grep -q 'org.eclipse.osgi.internal.framework.EquinoxContainer source: shared objects file' "$MAILMIGRATOR_WORKSPACE/classes.log" ||
    { echo "aot: FAIL the framework was not started from the boot jars and the cache"; return 1; }
  # the training run also loaded the JDK classes a copy needs (AotTrainingClasses): TLS's are in the cache
  grep -q 'sun.security.ssl.SSLSocketImpl source: shared objects file' "$MAILMIGRATOR_WORKSPACE/classes.log" ||
    { echo "aot: FAIL the JDK's TLS classes are not in the cache"; return 1; }
  # a command run with C2 too (migrate over TLS, worker, batch run) takes the same cache: no second one is trained
  rm -f "$MAILMIGRATOR_WORKSPACE/classes.log"
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$MAILMIGRATOR_WORKSPACE/classes.log" ./mailmigrator migrate --help >/dev/null 2>&1
  grep -q 'org.eclipse.osgi.internal.framework.EquinoxContainer source: shared objects file' "$MAILMIGRATOR_WORKSPACE/classes.log" ||
    { echo "aot: FAIL a command with C2 did not start from the cache"; return 1; }
  sleep 1; timeout 300 flock "$conf/.mailmigrator-aot.lock" true
  caches=$(find "$conf" -maxdepth 1 -name 'mailmigrator-headless-*' | wc -l)
  [ "$caches" = 1 ] || { echo "aot: FAIL a command with C2 made another cache: $(ls "$conf")"; return 1; }
  errs=$(./mailmigrator --version 2>&1 >/dev/null)
  [ -z "$errs" ] || { echo "aot: FAIL stderr from the boot jars: $errs"; return 1; }
  head -c 100000 /dev/urandom >"$(find "$conf" -maxdepth 1 -name 'mailmigrator-headless-*.aot')"
  errs=$(./mailmigrator --version 2>&1 >/dev/null)
  [ -z "$errs" ] || { echo "aot: FAIL stderr with a damaged cache: $errs"; return 1; }
  rm -f "$conf"/mailmigrator-headless-*.aot
  echo "aot: ok"
}
check "./mailmigrator --version" "Mail Migrator Workbench 0.1.0" ./mailmigrator --version
check "headless boot jars and AOT cache made once, atomically, quietly, then used; a damaged cache ignored" "^aot: ok" aot_cache_check
check "./mailmigrator connectors lists the IMAP connector" "^imap  *IMAP" ./mailmigrator connectors
check "./mailmigrator connectors lists the CalDAV/CardDAV connector" "^dav " ./mailmigrator connectors
check "./mailmigrator detect --offline (presets in the product)" "imap.gmail.com" ./mailmigrator detect alice@gmail.com --offline
check "./mailmigrator --help" "Usage: mailmigrator" ./mailmigrator --help
# GreenMail resolves and serves IMAP inside the headless product, and the engine syncs the demo batch
check "./mailmigrator demo (in-process IMAP servers, batch to Synced)" "5 Synced; messages 301 / 301 (100 %)" ./mailmigrator demo
# SIGTERM of batch run mid-copy against a private Dovecot (needs dovecot-imapd and the reactor's compiled test
# server classes): exit 7, rows Interrupted, the next run resumes to Synced with nothing lost or duplicated
check "./mailmigrator batch run stopped by SIGTERM, then resumed exact" "^sigterm: ok" releng/scripts/sigterm.sh
# The benchmark's import of a corpus of one's own mail (benchmarks/imap/wan.sh -c): real-world Maildir, mbox, MH
# and .eml files and a Dovecot-style Maildir tree, folder names, flags, dates, subscriptions and what is left out
check "benchmarks/imap/tools/import_corpus.py on real-world mail files (wan.sh -c)" "^OK" \
  python3 -W error -m unittest benchmarks/imap/tools/test_import_corpus.py
# The deployment files (docs/deployment.md): the installed-product launcher of the image and the systemd unit,
# the Dockerfile's sources, the Kubernetes manifests and the unit's keys
check "deployment files: launcher, Dockerfile, Kubernetes, systemd (releng/scripts/check-deploy.sh)" "^check-deploy: ok" \
  releng/scripts/check-deploy.sh
rm -rf "$MAILMIGRATOR_WORKSPACE"
echo "$ok $fail" > "${SMOKE_RESULT:-/dev/null}"
[ "$fail" -eq 0 ]
