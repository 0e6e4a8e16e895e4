#!/usr/bin/env bash
# Fleet benchmark (issue 18): one batch of ROWS small mailboxes in PostgreSQL, run by 1 then 2 `./mailmigrator worker`
# processes (each --slots SLOTS), both sides reached through tools/latency_proxy.py with RTT_MS of round trip so that
# the work waits on the network as it does in production (2 cores would otherwise cap the result); prints the wall
# time of each (from `batch run --no-wait` to the last row Synced, the workers already started), the ratio, the date
# and the load.
#
#   benchmarks/fleet/run.sh [ROWS [MESSAGES [RTT_MS [SLOTS]]]]     default 32 20 40 4
#
# Starts its own Dovecot (benchmarks/imap/tools/testbed.sh in FLEET_BENCH_DIR, default /tmp/mm-fleet-workers-bench,
# static password, on TESTBED_IMAP_PORT, default 12143),
# its own PostgreSQL cluster (Debian's postgresql: initdb/pg_ctl as the postgres user when run as root, trust on
# loopback, port FLEET_PG_PORT, default 15432) and the latency relay; stops what it started. The batch's --parallel is
# ROWS (it does not bind: the workers' slots do). Needs root or sudo-less apt for the packages (dovecot-imapd,
# postgresql, python3) and a JDK >= 21; ./mailmigrator builds the products when they are missing.
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
T="$ROOT/benchmarks/imap/tools"
ROWS="${1:-32}"; MESSAGES="${2:-20}"; RTT="${3:-40}"; SLOTS="${4:-4}"
export TESTBED_DIR="${FLEET_BENCH_DIR:-${TMPDIR:-/tmp}/mm-fleet-workers-bench}"
export TESTBED_IMAP_PORT="${TESTBED_IMAP_PORT:-12143}"
export TESTBED_IMAPS_PORT="${TESTBED_IMAPS_PORT:-12993}"
export TESTBED_POP3_PORT="${TESTBED_POP3_PORT:-12110}"
export TESTBED_POP3S_PORT="${TESTBED_POP3S_PORT:-12995}"
export TESTBED_PASSWORD=testpass
export MAILMIGRATOR_AOT=off   # no AOT cache trained in the background during one run and not the other
PG_PORT="${FLEET_PG_PORT:-15432}"
RELAY_PORT=$((TESTBED_IMAP_PORT + 1000))
WORK="$TESTBED_DIR/run-$(date +%Y%m%d-%H%M%S)"
PGDIR="$TESTBED_DIR/pg"
log() { echo "[fleet] $*" >&2; }

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

workers=()
cleanup() {
  for p in "${workers[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${workers[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -f "$WORK/relay.pid" ] && kill "$(cat "$WORK/relay.pid")" 2>/dev/null || true
  [ -d "$PGDIR/data" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  "$T/testbed.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap "exit 1" INT TERM

mkdir -p "$WORK"
command -v dovecot >/dev/null || "$T/testbed.sh" install >/dev/null
"$T/testbed.sh" start >/dev/null
python3 "$T/latency_proxy.py" --listen "$RELAY_PORT" --target "127.0.0.1:$TESTBED_IMAP_PORT" --rtt-ms "$RTT" \
  --pidfile "$WORK/relay.pid" >"$WORK/relay.log" 2>&1 &

rm -rf "$PGDIR"; mkdir -p "$PGDIR"
[ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U mm --auth=trust >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-h 127.0.0.1 -p $PG_PORT -k $PGDIR -c max_connections=200" start >/dev/null
export PGPASSWORD=unused   # trust on loopback; set so that no command prompts for one
sql() { psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U mm -d "$1" -c "$2"; }

log "filling $ROWS source mailboxes with $MESSAGES messages each"
python3 - "$TESTBED_IMAP_PORT" "$ROWS" "$MESSAGES" <<'EOF'
import imaplib, sys, time
port, rows, messages = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
for r in range(rows):
    c = imaplib.IMAP4("127.0.0.1", port)
    c.login("fleet-src%d" % r, "testpass")
    if int(c.select("INBOX")[1][0]) < messages:
        for m in range(messages):
            body = ("From: a%d@example.org\r\nTo: fleet-src%d@example.org\r\nSubject: fleet %d/%d\r\n"
                    "Message-ID: <fleet-%d-%d@example.org>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\n%s\r\n"
                    % (m, r, r, m, r, m, "line of text\r\n" * 40))
            c.append("INBOX", None, None, body.encode())
    c.logout()
EOF

MM="$ROOT/mailmigrator"
run_with() { # WORKERS: writes the seconds from queueing to the last row synced to $WORK/seconds-WORKERS
  local n=$1 db="fleet$1" i ws
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U mm -O mm "$db"
  local url="postgresql://mm@127.0.0.1:$PG_PORT/$db" csv="$WORK/rows$n.csv"
  echo "source.server,source.login,source.password,destination.server,destination.login,destination.password" >"$csv"
  for ((i = 0; i < ROWS; i++)); do
    echo "imap://127.0.0.1:$RELAY_PORT,fleet-src$i,testpass,imap://127.0.0.1:$RELAY_PORT,fleet-w$n-dst$i,testpass" >>"$csv"
  done
  "$T/testbed.sh" wipe $(for ((i = 0; i < ROWS; i++)); do echo "fleet-w$n-dst$i"; done) >/dev/null 2>&1 || true
  "$MM" batch import "$csv" --name fleet --store "$url" --workspace "$WORK/import$n" --parallel "$ROWS" \
    --per-host 1000 >"$WORK/import$n.log" 2>&1
  # imported rows are Queued, which a worker takes at once: stopped until both workers are up, then queued
  sql "$db" "update migration set status = 'STOPPED' where batch = 'fleet'"
  workers=()
  for ((i = 1; i <= n; i++)); do
    ws="$WORK/w$n-$i"
    "$MM" worker --store "$url" --workspace "$ws" --secrets-key "$WORK/import$n/secrets.key" --slots "$SLOTS" \
      --poll-seconds 1 --allow-plaintext >"$ws.log" 2>&1 &
    workers+=($!)
  done
  for ((i = 1; i <= n; i++)); do
    until grep -q " working on " "$WORK/w$n-$i.log" 2>/dev/null; do sleep 0.2; done
  done
  local t0 t1
  t0=$(date +%s.%N)
  "$MM" batch run fleet --no-wait --store "$url" --workspace "$WORK/import$n" >"$WORK/queue$n.log" 2>&1
  until [ "$(sql "$db" "select count(*) from migration where status = 'SYNCED'")" = "$ROWS" ]; do
    if [ "$(sql "$db" "select count(*) from migration where status = 'FAILED'")" != 0 ]; then
      sql "$db" "select id || ': ' || coalesce(last_error, '') from migration where status = 'FAILED'" >&2
      exit 1
    fi
    sleep 0.2
  done
  t1=$(date +%s.%N)
  for p in "${workers[@]}"; do kill -TERM "$p"; done
  for p in "${workers[@]}"; do wait "$p" || true; done
  workers=()
  for ((i = 0; i < ROWS; i++)); do
    local got
    got=$("$T/testbed.sh" doveadm mailbox status -u "fleet-w$n-dst$i" messages INBOX | sed 's/.*messages=//')
    [ "$got" = "$MESSAGES" ] || { echo "fleet-w$n-dst$i has $got messages, not $MESSAGES" >&2; exit 1; }
  done
  awk "BEGIN { print $t1 - $t0 }" >"$WORK/seconds-$n"
}

load0=$(cut -d' ' -f1-3 /proc/loadavg)
run_with 1
run_with 2
one=$(cat "$WORK/seconds-1")
two=$(cat "$WORK/seconds-2")
echo "fleet benchmark $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, load at start $load0, at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$ROWS rows x $MESSAGES messages, RTT $RTT ms through the latency relay, --slots $SLOTS per worker"
printf '1 worker:  %6.1f s\n2 workers: %6.1f s\nratio:     %6.2fx\n' "$one" "$two" "$(awk "BEGIN { print $one / $two }")"
