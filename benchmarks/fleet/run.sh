#!/usr/bin/env bash
# Many workers on one batch (issue 18), as an administrator runs them: a batch of M small mailboxes imported into a
# PostgreSQL store (`batch import --store`), queued (`batch run --no-wait`), then run by 1, 2 and 4 `./mailmigrator
# worker` processes at a time, each batch into fresh destination users; the workers reach Dovecot through the latency
# relay (benchmarks/imap/tools/latency_proxy.py), so the work is network-bound as in production and two cores do not
# cap it. Each run is verified (every destination mailbox holds exactly its source's messages, no row left unsynced,
# no queue entry left), then the wall time from the first worker's start to the last row Synced, rows/s, and the
# speed-up over one worker are printed.
#
#   benchmarks/fleet/run.sh [-m MAILBOXES] [-k MESSAGES] [-L RTT_MS] [-w "1 2 4"] [-s SLOTS]
#
#   -m MAILBOXES  rows of the batch, default 200      -k MESSAGES  messages per mailbox (~3 kB each), default 10
#   -L RTT_MS     round trip of the relay, default 40 -w WORKERS   worker counts to run, default "1 2 4"
#   -s SLOTS      --slots of each worker, default 2 (each row: 2 connections per side at most); the batch's --parallel
#                 and --per-host are set high, so that the workers' slots are the only cap
# Needs: root or the dovecot/postgresql packages (benchmarks/imap/tools/testbed.sh installs Dovecot; Debian's
# postgresql for initdb/pg_ctl), python3, a JDK >= 21 (./mailmigrator builds the product when missing).
# Environment: FLEET_DIR (default ${TMPDIR:-/tmp}/mm-fleet-bench), TESTBED_IMAP_PORT (default 11143), PGPORT (15433).
set -uo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
T="$ROOT/benchmarks/imap/tools"
M=200; K=10; RTT=40; WORKERS="1 2 4"; SLOTS=2
while getopts "m:k:L:w:s:" o; do
  case $o in m) M=$OPTARG;; k) K=$OPTARG;; L) RTT=$OPTARG;; w) WORKERS=$OPTARG;; s) SLOTS=$OPTARG;;
    *) sed -n '2,19p' "$0"; exit 2;; esac
done
log() { echo "[fleet] $*" >&2; }
FLEET_DIR="${FLEET_DIR:-${TMPDIR:-/tmp}/mm-fleet-bench}"
export TESTBED_DIR="$FLEET_DIR/testbed" TESTBED_IMAP_PORT="${TESTBED_IMAP_PORT:-11143}"
export TESTBED_IMAPS_PORT=$((TESTBED_IMAP_PORT + 1)) TESTBED_POP3_PORT=$((TESTBED_IMAP_PORT + 2)) TESTBED_POP3S_PORT=$((TESTBED_IMAP_PORT + 3))
export TESTBED_PASSWORD=testpass
PGPORT="${PGPORT:-15433}"
RELAY=$((TESTBED_IMAP_PORT + 1000))
RES="$FLEET_DIR/results/m$M-k$K-L$RTT-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RES"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  [ -n "${PGBIN:-}" ] && as_pg "$PGBIN/pg_ctl" -D "$FLEET_DIR/pg/data" -m fast -w stop >/dev/null 2>&1
  kill "$(cat "$RES/relay.pid" 2>/dev/null)" 2>/dev/null
}
trap cleanup EXIT

# ---------------------------------------------------------------- Dovecot, sources, relay
"$T/testbed.sh" install >/dev/null && "$T/testbed.sh" start >/dev/null || exit 1
if [ ! -f "$FLEET_DIR/loaded-m$M-k$K" ]; then
  log "loading $M source mailboxes of $K messages"
  for i in $(seq 0 $((M - 1))); do echo "fsrc$i"; done | xargs "$T/testbed.sh" wipe >/dev/null 2>&1
  rm -f "$FLEET_DIR"/loaded-*
  python3 - "$TESTBED_IMAP_PORT" "$M" "$K" <<'PY' || exit 1
import imaplib, sys, time
port, m, k = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
for i in range(m):
    c = imaplib.IMAP4("127.0.0.1", port); c.login("fsrc%d" % i, "testpass")
    for j in range(k):
        body = ("From: a%d@example.org\r\nTo: fsrc%d@example.org\r\nSubject: fleet %d/%d\r\nMessage-ID: <fleet-%d-%d@example.org>\r\n"
                "Date: Sat, 05 Dec 2026 10:00:00 +0000\r\n\r\n" % (j, i, i, j, i, j)) + ("line %d of a small message\r\n" % j) * 100
        c.append("INBOX", None, imaplib.Time2Internaldate(time.time()), body.encode())
    c.logout()
PY
  touch "$FLEET_DIR/loaded-m$M-k$K"
fi
python3 "$T/latency_proxy.py" --listen "$RELAY" --target "127.0.0.1:$TESTBED_IMAP_PORT" --rtt-ms "$RTT" \
  --pidfile "$RES/relay.pid" 2>"$RES/relay.log" &
sleep 0.5

# ---------------------------------------------------------------- PostgreSQL (a private cluster; initdb refuses root)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] || { mm_ensure_packages postgresql; PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -d "$FLEET_DIR/pg/data" ]; then
  mkdir -p "$FLEET_DIR/pg"; [ "$(id -u)" = 0 ] && chown postgres: "$FLEET_DIR/pg"
  as_pg "$PGBIN/initdb" -D "$FLEET_DIR/pg/data" -U mm --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null || exit 1
fi
as_pg "$PGBIN/pg_ctl" -D "$FLEET_DIR/pg/data" -l "$FLEET_DIR/pg/server.log" -w \
  -o "-p $PGPORT -k $FLEET_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null || exit 1
psql() { "$PGBIN/psql" -X -q -A -t -h 127.0.0.1 -p "$PGPORT" -U mm "$@"; }

log "building the product if needed (./mailmigrator --version)"
./mailmigrator --version > "$RES/version.log" 2>&1 || { cat "$RES/version.log"; exit 1; }
{
  echo "date: $(date -u +%FT%TZ)  host: $(nproc) cores  uptime:$(uptime | sed 's/.*up/ up/')"
  echo "$(tail -1 "$RES/version.log"), dovecot $(dovecot --version | cut -d' ' -f1), PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}')"
  echo "batch: $M mailboxes x $K messages, relay round trip $RTT ms, --slots $SLOTS per worker"
} | tee "$RES/env.txt" >&2
printf "workers\twall_s\trows_per_s\tspeedup\tload\tverify\n" > "$RES/results.tsv"

base=""
for W in $WORKERS; do
  DB="fleet_w${W}_$$"
  psql -d postgres -c "create database $DB" || exit 1
  URL="postgresql://mm@127.0.0.1:$PGPORT/$DB"
  WS="$RES/w$W"; mkdir -p "$WS"
  for i in $(seq 0 $((M - 1))); do
    echo "127.0.0.1:$RELAY;fsrc$i;testpass;127.0.0.1:$RELAY;fdst${W}x$i;testpass;;"
  done > "$WS/batch.txt"
  for i in $(seq 0 $((M - 1))); do echo "fdst${W}x$i"; done | xargs "$T/testbed.sh" wipe >/dev/null 2>&1
  ./mailmigrator batch import "$WS/batch.txt" --name fleet --store "$URL" --workspace "$WS/import" \
    --parallel 1000 --per-host 1000 > "$WS/import.log" 2>&1 || { cat "$WS/import.log"; exit 1; }
  ./mailmigrator batch run fleet --store "$URL" --workspace "$WS/import" --no-wait > "$WS/queue.log" 2>&1 \
    || { cat "$WS/queue.log"; exit 1; }
  load=$(cut -d' ' -f1 /proc/loadavg)
  log "$W worker(s) on $M rows"
  t0=$(date +%s.%N)
  PIDS=()
  for w in $(seq 1 "$W"); do
    MAILMIGRATOR_SECRETS_KEY="$WS/import/secrets.key" ./mailmigrator worker --store "$URL" --workspace "$WS/worker$w" \
      --slots "$SLOTS" --poll-seconds 1 --allow-plaintext > "$WS/worker$w.log" 2>&1 &
    PIDS+=($!)
  done
  until [ "$(psql -d "$DB" -c "select count(*) from migration where status = 'SYNCED'")" = "$M" ]; do
    bad=$(psql -d "$DB" -c "select count(*) from migration where status in ('FAILED','SYNCED_WITH_ERRORS','PAUSED','STOPPED')")
    [ "$bad" = 0 ] || { log "$bad row(s) ended otherwise:"; psql -d "$DB" -c "select id, status, last_error from migration where status <> 'SYNCED' limit 5" >&2; break; }
    sleep 0.2
  done
  t1=$(date +%s.%N)
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  wait "${PIDS[@]}" 2>/dev/null; PIDS=()
  # verification: every destination holds exactly its source's K messages; nothing left in the queue or claims
  verify=ok
  short=$(for i in $(seq 0 $((M - 1))); do
    "$T/testbed.sh" doveadm mailbox status -u "fdst${W}x$i" messages INBOX 2>/dev/null | sed 's/.*=//' ; done | grep -vcx "$K")
  [ "$short" = 0 ] || verify="FAIL: $short mailbox(es) without exactly $K messages"
  left=$(psql -d "$DB" -c "select (select count(*) from mm_scheduled_tasks) + (select count(*) from batch_claim)")
  [ "$left" = 0 ] || verify="$verify; FAIL: $left queue entries/claims left"
  synced=$(psql -d "$DB" -c "select count(*) from migration where status = 'SYNCED'")
  [ "$synced" = "$M" ] || verify="$verify; FAIL: $synced of $M rows Synced"
  wall=$(python3 -c "print(round($t1 - $t0, 1))")
  rate=$(python3 -c "print(round($M / ($t1 - $t0), 2))")
  [ -n "$base" ] || base=$wall
  speed=$(python3 -c "print(round($base / $wall, 2))")
  printf "%s\t%s\t%s\t%s\t%s\t%s\n" "$W" "$wall" "$rate" "$speed" "$load" "$verify" | tee -a "$RES/results.tsv" >&2
  psql -d postgres -c "drop database $DB with (force)" >/dev/null
done
echo
cat "$RES/env.txt"
column -t -s $'\t' "$RES/results.tsv"
echo "targets (issue 18): >= 1.8x at 2 workers, >= 3.2x at 4; results in $RES"
