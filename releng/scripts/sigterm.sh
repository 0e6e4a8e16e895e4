#!/usr/bin/env bash
# SIGTERM of `batch run` through ./mailmigrator, as a service manager or `kill` sends it: a private Dovecot holds
# two mailboxes of generated messages with unique Message-IDs (org.mailmigrator.testing.FilledMailServer, from
# the reactor's compiled classes; needs dovecot-imapd). The run gets SIGTERM once the first destination holds a
# few messages, and must exit 7 saying "interrupted, run again to resume"; `batch status` must then show its rows
# Interrupted (never Failed or Running; a row that had finished may say Synced). The next `batch run` resumes and
# ends with every row Synced, and each destination holds every source message exactly once (its Maildir's files
# and Message-IDs counted). Prints "sigterm: ok" or "sigterm: FAIL why".
#   releng/scripts/sigterm.sh [MESSAGES_PER_MAILBOX [BYTES_PER_MESSAGE]]
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/env.sh"
cd "$MM_ROOT"
mm_find_jdk
count="${1:-600}"
size="${2:-30000}"
users=2
work="$(mktemp -d)"
server_pid=""
run_pid=""
cleanup() {
  [ -n "$run_pid" ] && kill -9 "$run_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "sigterm: FAIL $*"
  for f in run1.err status.out run2.err server.log; do
    [ -s "$work/$f" ] && { echo "--- $f"; tail -15 "$work/$f"; }
  done
  exit 1
}

"$JAVA_HOME/bin/java" -cp bundles/org.mailmigrator.testing/target/classes org.mailmigrator.testing.FilledMailServer \
  "$work/ports" "$users" "$count" "$size" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 1200); do
  [ -s "$work/ports" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the test Dovecot did not start"
  sleep 0.1
done
[ -s "$work/ports" ] || fail "the test Dovecot was not filled within 120 s"
read -r port server_dir <"$work/ports"
for u in $(seq 0 $((users - 1))); do
  echo "127.0.0.1:$port;src$u;testpass;127.0.0.1:$port;dst$u;testpass;;"
done >"$work/sig.txt"
export MAILMIGRATOR_WORKSPACE="$work/ws"

# Messages of a destination mailbox: files, and distinct Message-IDs among them.
delivered() {
  find "$server_dir/home/$1/Maildir" -type f \( -path '*/cur/*' -o -path '*/new/*' \) 2>/dev/null | wc -l
}
distinct() {
  find "$server_dir/home/$1/Maildir" -type f \( -path '*/cur/*' -o -path '*/new/*' \) -print0 2>/dev/null \
    | xargs -0 -r grep -h -i -m1 '^Message-ID:' | sort -u | wc -l
}

./mailmigrator batch run "$work/sig.txt" --allow-plaintext --parallel "$users" --progress-seconds 1 \
  >"$work/run1.out" 2>"$work/run1.err" &
run_pid=$!   # ./mailmigrator execs the JVM: this is the process a service manager would signal
for _ in $(seq 1 1200); do
  [ "$(delivered dst0)" -ge 20 ] && break
  kill -0 "$run_pid" 2>/dev/null || fail "the run ended before it was stopped"
  sleep 0.1
done
kill -TERM "$run_pid"
rc=0
wait "$run_pid" || rc=$?
run_pid=""
[ "$rc" -eq 7 ] || fail "exit code $rc after SIGTERM, expected 7 (interrupted)"
grep -q "interrupted, run again to resume" "$work/run1.err" || fail "no 'interrupted, run again to resume' line"
partial=$(( $(delivered dst0) + $(delivered dst1) ))
[ "$partial" -lt $((users * count)) ] || fail "SIGTERM came after the copy had finished ($partial messages)"

./mailmigrator batch status sig >"$work/status.out" 2>&1 || fail "batch status failed"
rows=$(grep -c '^0000[0-9]-' "$work/status.out" || true)
[ "$rows" -eq "$users" ] || fail "batch status shows $rows rows, expected $users"
grep -q ' Interrupted ' "$work/status.out" || fail "no row is Interrupted after SIGTERM"
if grep -Eq ' (Failed|Running|Queued) ' "$work/status.out"; then fail "a row is Failed, Running or Queued after SIGTERM"; fi

rc=0
./mailmigrator batch run sig --allow-plaintext >"$work/run2.out" 2>"$work/run2.err" || rc=$?
[ "$rc" -eq 0 ] || fail "the resumed run exited $rc"
grep -q "$users Synced" "$work/run2.out" "$work/run2.err" || fail "the resumed run did not end with $users Synced"
for u in $(seq 0 $((users - 1))); do
  n=$(delivered "dst$u")
  d=$(distinct "dst$u")
  [ "$n" -eq "$count" ] && [ "$d" -eq "$count" ] \
    || fail "dst$u holds $n message(s), $d distinct, expected $count of $count: lost or duplicated"
done
echo "sigterm: ok (stopped at $partial of $((users * count)) messages, exit 7, rows Interrupted, resumed to $users Synced, each destination exact)"
