#!/usr/bin/env bash
# IMAP -> IMAP as a user runs it: `./mailmigrator migrate` (JVM start-up included) beside Dovecot's own
# migration path (`doveadm backup -R imapc:`, "dsync-imapc") and mbsync (Debian package isync), on the same
# corpus, in the same run, each into a fresh destination user, each run verified (count, content, flags,
# INTERNALDATE: tools/verify.py), then the ratios of ours to each anchor.
#
#   benchmarks/imap/wan.sh [-n N] [-s SEED] [-g] [-L RTT_MS] [-T plain|starttls|imaps] [-p "PEERS"] [-P PARALLEL] [-m PAIRS] [-r REPEATS] [-b]
#                       [-B MBIT] [-C auto|on|off]
#
#   -n N        corpus size (unique messages; the corpus adds duplicates and copies), default 4000
#   -s SEED     corpus seed, default 42
#   -c PATH     your own mail instead of a generated corpus: a Maildir (or a tree of them, Dovecot's own included),
#               an mbox file or tree (Thunderbird's), MH folders or .eml files, converted once by
#               tools/import_corpus.py (folders, flags, arrival dates; what cannot be APPENDed is listed, not
#               dropped silently) into $TESTBED_DIR/corpus/own-*; or a folder import_corpus.py or gen_corpus.py wrote
#   -g          the corpus in tools/gen_corpus.py's Gmail layout ([Gmail]/All Mail holding every message, label
#               folders holding copies of some), served by the test bed's Dovecot as plain IMAP folders
#   -L RTT_MS   every migrator reaches the server through tools/latency_proxy.py with this round trip
#               (loading and verifying stay direct), default 0 (loopback)
#   -B MBIT     with -L: the relay also limits each direction of each connection to MBIT megabit/s
#   -C MODE     ours: --compress MODE (COMPRESS=DEFLATE; the test bed offers it with TESTBED_COMPRESS=1)
#   -T MODE     how every migrator reaches the server: plain (default), starttls, or imaps (implicit TLS on
#               the test bed's IMAPS port); each trusts the test bed's self-signed certificate, none skips the check
#   -p PEERS    subset of "ours dsync-imapc mbsync imapsync" (default all, in that order; imapsync only when the
#               environment's IMAPSYNC names the upstream script, which is not a Debian package, and only with -T plain)
#   -P N        ours: --parallel N (default: the command's default)
#   -m PAIRS    PAIRS migrations at once, each from the source user into its own destination user: ours as one
#               `batch run` of PAIRS rows (--parallel PAIRS), dsync-imapc and mbsync as PAIRS processes; first the
#               server's own ceiling, peer "append": PAIRS pipelined LITERAL+ APPEND loaders (tools/gen_corpus.py
#               load, one connection each) writing the corpus at once; ratios to it. Plain IMAP only. Default 1
#   -r REPEATS  every peer's two runs REPEATS times, the peers taking turns (ours, the anchors, ours, ...), each
#               time into a fresh destination (and for ours a fresh workspace); every run is printed, then the
#               median of each peer's runs, from which the ratios are taken. Default 1
#   -b          byte-exact verification (whole messages) instead of header block + size
#   -t          ours: also the CPU seconds of each of its threads (JIT, GC, workers, state store), by
#               tools/thread_cpu.py, into RESULTS/ours.RUN.threads, printed after the table
#
# Each peer runs twice: "1st" copies everything, "2nd" finds nothing to copy (the no-op pass). Columns: wall,
# client CPU (user+sys of the migrator's process tree), Dovecot CPU, peak RSS, messages found in the destination,
# msgs/s, CPU ms per message, 1-min load at start, verify result. mbsync adds an X-TUID header to every message it
# copies, so its copies are compared without that header (they are not byte-exact).
# Needs: root (apt-get installs dovecot-imapd and isync when missing; Dovecot runs as an unprivileged user),
# python3, a JDK >= 21 (the product is built by ./mailmigrator when missing).
# Environment: TESTBED_DIR (default ${TMPDIR:-/tmp}/mm-imap-bench), TESTBED_IMAP_PORT (default 10143; IMAPS,
# POP3 ports: see tools/testbed.sh), BENCH_RELAY_PORT (default IMAP port + 1000).
set -uo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
T="$HERE/tools"
export TESTBED_DIR="${TESTBED_DIR:-${TMPDIR:-/tmp}/mm-imap-bench}"
export TESTBED_PASSWORD="${TESTBED_PASSWORD:-testpass}"
PW="$TESTBED_PASSWORD"
PORT="${TESTBED_IMAP_PORT:-10143}"
N=4000; SEED=42; LAYOUT=classic; RTT=0; PEERS="ours dsync-imapc mbsync imapsync"; PAR=""; VERIFY_ARGS=""; TLS=plain
THREADS=""; PAIRS=1; REPS=1; SUF=""; MBIT=0; COMPRESS=""; OWN=""
while getopts "n:s:gc:L:T:p:P:m:r:btB:C:" o; do
  case $o in g) LAYOUT=gmail;; c) OWN=$OPTARG;; B) MBIT=$OPTARG;; C) COMPRESS=$OPTARG;; m) PAIRS=$OPTARG;; r) REPS=$OPTARG;; n) N=$OPTARG;; s) SEED=$OPTARG;; L) RTT=$OPTARG;; T) TLS=$OPTARG;; p) PEERS=$OPTARG;; P) PAR=$OPTARG;; b) VERIFY_ARGS=--body;; t) THREADS=1;;
    *) sed -n '2,/^set -uo/p' "$0" | grep '^#'; exit 2;; esac
done
log() { echo "[wan] $*" >&2; }
case "$PAIRS" in ''|*[!0-9]*|0) echo "-m: a number of pairs >= 1" >&2; exit 2;; esac
case "$REPS" in ''|*[!0-9]*|0) echo "-r: a number of repeats >= 1" >&2; exit 2;; esac
if [ "$PAIRS" -gt 1 ] && [ "$TLS" != plain ]; then echo "-m: plain IMAP only" >&2; exit 2; fi
# destination users of one peer: NAME, or NAME1 .. NAMEk with -m k
dsts() { if [ "$PAIRS" = 1 ]; then echo "$1"; else seq -f "$1%g" 1 "$PAIRS" | tr '\n' ' '; fi; }
# what each_pair replaces by the pair's number: nothing with one pair, {} with -m; pair_user NAME: NAME or NAME{}
pair_suffix() { [ "$PAIRS" = 1 ] || echo '{}'; }
pair_user() { echo "$1$(pair_suffix)"; }
# runs the command once per pair at once, {} replaced by the pair's number, and waits for all; fails if one fails
each_pair() {
  local i pids=() rc=0 p
  for i in $(seq 1 "$PAIRS"); do "${@//\{\}/$i}" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || rc=$?; done
  return $rc
}
export PAIRS
export -f each_pair
has() { case " $PEERS " in *" $1 "*) return 0;; esac; return 1; }

"$T/testbed.sh" install >/dev/null || exit 1
"$T/testbed.sh" start >/dev/null || exit 1
PIDFILE="$TESTBED_DIR/base/master.pid"
CORPUS="$TESTBED_DIR/corpus/n$N-s$SEED$([ "$LAYOUT" = gmail ] && echo -gmail)"
CORPUS_NAME="n=$N seed=$SEED$([ "$LAYOUT" = gmail ] && echo " layout=gmail")"
if [ -n "$OWN" ]; then
  [ -e "$OWN" ] || { echo "-c $OWN: no such file or folder" >&2; exit 2; }
  OWN="$(readlink -f "$OWN")"
  if [ -s "$OWN/summary.json" ] && [ -s "$OWN/manifest.jsonl" ]; then
    CORPUS="$OWN"
  else # imported once per path and content (names, sizes and times of its files)
    CORPUS="$TESTBED_DIR/corpus/own-$(basename "$OWN" | tr -c 'A-Za-z0-9._\n' _)-$( (echo "$OWN"; find "$OWN" -type f -printf '%s %T@ %P\n' | sort) | cksum | cut -d' ' -f1)"
  fi
  CORPUS_NAME="$OWN"
fi
RES="$TESTBED_DIR/results/$(basename "$CORPUS")-L$RTT-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RES"
TSV="$RES/results.tsv"
WS="$RES/workspace"   # ours: workspace and state store
mkdir -p "$WS"
printf '%s\n' "$PW" > "$RES/password"; chmod 600 "$RES/password"

CERT="$TESTBED_DIR/ssl/cert.pem"
case "$TLS" in
  plain|starttls) SRVPORT="$PORT";;
  imaps) SRVPORT="${TESTBED_IMAPS_PORT:-10993}";;
  *) echo "-T: plain, starttls or imaps" >&2; exit 2;;
esac
NETPORT="$SRVPORT"
if [ "$RTT" != 0 ]; then
  NETPORT="${BENCH_RELAY_PORT:-$((PORT + 1000))}"
  python3 "$T/latency_proxy.py" --listen "$NETPORT" --target "127.0.0.1:$SRVPORT" --rtt-ms "$RTT" \
    --mbit "$MBIT" --pidfile "$RES/latency.pid" 2>"$RES/latency.log" &
  sleep 0.5
  trap 'kill "$(cat "$RES/latency.pid" 2>/dev/null)" 2>/dev/null' EXIT
fi

srvcpu() { # dovecot master + its children (live and reaped), seconds
  python3 - "$PIDFILE" <<'EOF'
import os, sys
m = int(open(sys.argv[1]).read().strip()); tck = os.sysconf("SC_CLK_TCK"); tot = 0
for p in os.listdir("/proc"):
    if not p.isdigit():
        continue
    try:
        f = open("/proc/%s/stat" % p).read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    if int(p) == m or int(f[1]) == m:
        tot += sum(int(x) for x in f[11:15])
print("%.2f" % (tot / tck))
EOF
}

# ---------------------------------------------------------------- corpus, source, product
if [ -n "$OWN" ] && [ ! -s "$CORPUS/summary.json" ]; then
  log "importing $OWN into $CORPUS"
  rm -rf "$CORPUS.tmp"
  python3 "$T/import_corpus.py" --from "$OWN" --out "$CORPUS.tmp" 2> >(tee "$RES/import.log" >&2) >&2 &&
    mv "$CORPUS.tmp" "$CORPUS" || exit 1
elif [ ! -s "$CORPUS/summary.json" ]; then
  log "generating corpus $CORPUS"
  python3 "$T/gen_corpus.py" gen --n "$N" --seed "$SEED" --layout "$LAYOUT" --out "$CORPUS" >&2 || exit 1
fi
SRC_MSGS=$(python3 -c "import json;print(json.load(open('$CORPUS/summary.json'))['entries'])")
SRC_MB=$(python3 -c "import json;print(round(json.load(open('$CORPUS/summary.json'))['bytes_entries']/1e6,1))")
"$T/testbed.sh" wipe src
python3 "$T/gen_corpus.py" load --corpus "$CORPUS" --user src --port "$PORT" --window 32 > "$RES/load.log" 2>&1 || { cat "$RES/load.log"; exit 1; }
python3 "$T/verify.py" --src-manifest "$CORPUS" --dst-user src --dst-port "$PORT" --label source-vs-corpus >&2 || exit 1
# the test bed's Dovecot does not fsync: written mail stays dirty in the page cache and its writeback would land in
# the first peer's run. Flushed here and after each run, outside the timed part, so every run starts alike.
sync
if has ours; then
  log "building the product if needed (./mailmigrator --version)"
  (cd "$ROOT" && ./mailmigrator --version) > "$RES/version.log" 2>&1 || { cat "$RES/version.log"; exit 1; }
  # the first command after a build trains the headless AOT cache in the background (releng/scripts/env.sh):
  # wait for it, as a user's later commands would find it made
  sleep 1
  for lock in "$ROOT"/releng/org.mailmigrator.repository/target/products/org.mailmigrator.headless/*/*/*/configuration/.mailmigrator-aot.lock; do
    [ -f "$lock" ] && timeout 300 flock "$lock" true
  done
fi
{
  echo "date: $(date -u +%FT%TZ)  host: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB  uptime:$(uptime | sed 's/.*up/ up/')"
  echo "dovecot $(dovecot --version | cut -d' ' -f1), $(mbsync --version 2>/dev/null | head -1), mailmigrator $(cat "$RES/version.log" 2>/dev/null | tail -1)"
  echo "corpus: $CORPUS_NAME: $SRC_MSGS messages, $SRC_MB MB   round trip: $RTT ms$([ "$MBIT" != 0 ] && echo ", $MBIT Mbit/s")   link: $TLS${COMPRESS:+, ours --compress $COMPRESS}   pairs: $PAIRS   verify: ${VERIFY_ARGS:-header block sha1 + size}, flags, INTERNALDATE"
} > "$RES/env.txt"
cat "$RES/env.txt" >&2
printf "peer\trun\trc\twall\tcpu\tsrv\trss\tmsgs\tload\tverify\trep\n" > "$TSV"

# measure PEER RUN DST [VERIFY-EXTRA] -- command...
measure() {
  local peer=$1 run=$2 dst=$3 vextra=$4; shift 5
  local tf="$RES/$peer.$run$SUF.time" lf="$RES/$peer.$run$SUF.log" s0 s1 l0 rc
  s0=$(srvcpu); l0=$(cut -d' ' -f1 /proc/loadavg)
  log "$peer $run${SUF:+ (repeat ${SUF#.r})}"
  # -t: the per-thread poller runs outside /usr/bin/time, so its own CPU is not in the cpu column
  local per_thread=()
  [ -n "$THREADS" ] && [ "$peer" = ours ] && per_thread=(python3 "$T/thread_cpu.py" "$RES/$peer.$run$SUF.threads" --)
  "${per_thread[@]}" /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" > "$lf" 2>&1; rc=$?
  sleep 0.3
  s1=$(srvcpu)
  local vline="" one d vj msgs=0 m
  for d in $dst; do # one destination user per pair: each verified, messages summed, the first failure shown
    vj="$RES/$peer.$run$SUF.$d.verify.json"
    # shellcheck disable=SC2086  # optional words
    one=$(python3 "$T/verify.py" --src-user src --dst-user "$d" --src-port "$PORT" --dst-port "$PORT" --label "$peer.$run" \
        --json "$vj" --show 5 $VERIFY_ARGS $vextra 2>>"$RES/$peer.$run$SUF.verify.err")
    m=$(python3 -c "import json;print(json.load(open('$vj'))['counts'].get('dst_msgs',0))" 2>/dev/null || echo 0)
    msgs=$((msgs + m))
    echo "$one" >&2
    case "$vline" in ""|"VERIFY PASS"*) vline="$one";; esac
  done
  sync
  read -r wall usr sys rss < <(tail -1 "$tf")
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$peer" "$run" "$rc" "$wall" \
    "$(python3 -c "print(round($usr+$sys,2))")" "$(python3 -c "print(round($s1-$s0,2))")" "$((rss / 1024))" "$msgs" "$l0" \
    "$(python3 - "$vline" <<'PY'
import re, sys
v = sys.argv[1].split()
out = v[1] if len(v) > 1 and v[0] == "VERIFY" else "ERROR"
bad = [k + "=" + n for k, n in re.findall(r"(?<![a-z_])(missing|dup|extra|modified|flag_diff|date_diff|missing_folders)=(\d+)",
                                          sys.argv[1]) if n != "0"]
print(out + ("(" + ",".join(bad) + ")" if bad else ""))
PY
)" "${SUF#.r}" >> "$TSV"
}

# ---------------------------------------------------------------- peers
for REP in $(seq 1 "$REPS"); do
[ "$REPS" = 1 ] || SUF=".r$REP"
WS="$RES/workspace$SUF"; mkdir -p "$WS"
rm -rf "$RES/mbsync-state" "$RES"/imapsync-tmp*
if [ "$PAIRS" -gt 1 ]; then
  # what the server sustains: PAIRS pipelined LITERAL+ APPEND loaders at once, one connection each, nothing fetched
  D="$(dsts d_append)"; "$T/testbed.sh" wipe $D >/dev/null
  measure append 1st "$D" "" -- bash -c 'each_pair "$@"' each_pair python3 "$T/gen_corpus.py" load --corpus "$CORPUS" \
    --user "d_append{}" --port "$PORT" --window 32
fi
if has ours; then
  D=d_ours; "$T/testbed.sh" wipe $D
  # shellcheck disable=SC2206
  par=(${PAR:+--parallel $PAR} ${COMPRESS:+--compress $COMPRESS})
  case "$TLS" in
    plain) scheme=imap; link=(--allow-plaintext);;
    starttls) scheme=imap; link=(--trust-store "$CERT");;
    imaps) scheme=imaps; link=(--trust-store "$CERT");;
  esac
  if [ "$PAIRS" -gt 1 ]; then # one batch of PAIRS rows, as an administrator runs several mailboxes
    D="$(dsts d_ours)"; "$T/testbed.sh" wipe $D >/dev/null
    for d in $D; do echo "127.0.0.1:$NETPORT;src;$PW;127.0.0.1:$NETPORT;$d;$PW"; done > "$RES/pairs.txt"
    measure ours 1st "$D" "" -- env MAILMIGRATOR_WORKSPACE="$WS" "$ROOT/mailmigrator" batch run "$RES/pairs.txt" --name pairs \
      --parallel "$PAIRS" --per-host 1000 --allow-plaintext --workspace "$WS"
    measure ours 2nd "$D" "" -- env MAILMIGRATOR_WORKSPACE="$WS" "$ROOT/mailmigrator" batch run pairs --delta \
      --allow-plaintext --workspace "$WS"
  else
  for run in 1st 2nd; do
    measure ours $run $D "" -- env MAILMIGRATOR_WORKSPACE="$WS" "$ROOT/mailmigrator" migrate \
      --source "$scheme://src@127.0.0.1:$NETPORT" --target "$scheme://$D@127.0.0.1:$NETPORT" "${link[@]}" \
      --source-password-file "$RES/password" --target-password-file "$RES/password" --state "$WS/state" "${par[@]}"
  done
  fi
fi
if has dsync-imapc; then
  D="$(dsts d_dsync)"; "$T/testbed.sh" wipe $D
  dlink=()
  [ "$TLS" = plain ] || dlink=(-o imapc_ssl="$TLS" -o ssl_client_ca_file="$CERT")
  for run in 1st 2nd; do
    measure dsync-imapc $run "$D" "" -- bash -c 'each_pair "$@"' each_pair "$T/testbed.sh" doveadm -o imapc_host=127.0.0.1 -o imapc_port="$NETPORT" "${dlink[@]}" \
      -o imapc_user=src -o imapc_password="$PW" -o "imapc_features=rfc822.size fetch-headers" \
      -o mail_prefetch_count=20 -o mail_fsync=never backup -R -u "$(pair_user d_dsync)" imapc:
  done
fi
if has mbsync; then
  D="$(dsts d_mbsync)"; "$T/testbed.sh" wipe $D
  # mbsync 1.4 matches the certificate to the host name only, not to an IP address: localhost under TLS
  case "$TLS" in
    plain) mlink="SSLType None"; mhost=127.0.0.1;;
    starttls) mlink="SSLType STARTTLS
CertificateFile $CERT"; mhost=localhost;;
    imaps) mlink="SSLType IMAPS
CertificateFile $CERT"; mhost=localhost;;
  esac
  # one configuration and state folder per pair (mbsyncrc, or mbsyncrc1 .. mbsyncrcK with -m K)
  for d in $D; do
  rc="$RES/mbsyncrc${d#d_mbsync}"
  mkdir -p "$RES/mbsync-state/$d"
  cat > "$rc" <<EOF
IMAPAccount src
Host $mhost
Port $NETPORT
User src
PassCmd "cat $RES/password"
$mlink
AuthMechs LOGIN

IMAPStore src
Account src

IMAPAccount dst
Host $mhost
Port $NETPORT
User $d
PassCmd "cat $RES/password"
$mlink
AuthMechs LOGIN

IMAPStore dst
Account dst

Channel copy
Far :src:
Near :dst:
Patterns *
Create Near
Sync Pull
Expunge None
CopyArrivalDate yes
SyncState $RES/mbsync-state/$d/
EOF
  done
  for run in 1st 2nd; do
    measure mbsync $run "$D" "--strip-header X-TUID" -- bash -c 'each_pair "$@"' each_pair mbsync \
      -c "$RES/mbsyncrc$(pair_suffix)" -a
  done
fi

if has imapsync && [ -n "${IMAPSYNC:-}" ] && [ "$TLS" != plain ] && [ "$REP" = 1 ]; then
  log "imapsync left out: over TLS it would not check the test bed's certificate the way the others do (not wired)"
fi
if has imapsync && [ -n "${IMAPSYNC:-}" ] && [ "$TLS" = plain ]; then
  # the issue's "fast options": UIDs instead of headers to match messages (with its cache), no folder sizes
  D="$(dsts d_imapsync)"; "$T/testbed.sh" wipe $D
  ilink=(--notls1 --notls2)
  for run in 1st 2nd; do
    measure imapsync $run "$D" "" -- bash -c 'each_pair "$@"' each_pair "$IMAPSYNC" --host1 127.0.0.1 --port1 "$NETPORT" \
      --user1 src --passfile1 "$RES/password" --host2 127.0.0.1 --port2 "$NETPORT" --user2 "$(pair_user d_imapsync)" \
      --passfile2 "$RES/password" "${ilink[@]}" --useuid --nofoldersizes --nofoldersizesatend --noreleasecheck --nolog \
      --tmpdir "$RES/imapsync-tmp$(pair_suffix)"
  done
fi
done

# ---------------------------------------------------------------- table and ratios
python3 - "$TSV" "$RES/env.txt" "$SRC_MSGS" "$PAIRS" > "$RES/table.txt" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print(open(sys.argv[2]).read().rstrip())
pairs = int(sys.argv[4])
n = int(sys.argv[3]) * pairs
print("%-12s %-4s %3s %8s %8s %8s %7s %6s %8s %8s %6s  %s" % ("peer", "run", "rc", "wall s", "cpu s", "srv cpu",
      "rss MB", "msgs", "msgs/s", "cpu ms/m", "load", "verify"))
import statistics
by, runs = {}, {}
for r in rows:
    wall, cpu = float(r["wall"]), float(r["cpu"])
    rate = (int(r["msgs"]) if r["run"] == "1st" else n) / wall if wall else 0
    runs.setdefault((r["peer"], r["run"]), []).append(r)
    by[(r["peer"], r["run"])] = (wall, cpu, rate, r["verify"])
    print("%-12s %-4s %3s %8.2f %8.2f %8s %7s %6s %8.1f %8.3f %6s  %s%s" % (r["peer"], r["run"], r["rc"], wall, cpu,
          r["srv"], r["rss"], r["msgs"], rate, 1000 * cpu / n, r["load"], r["verify"],
          "  (repeat %s)" % r["rep"] if r.get("rep") else ""))
if any(len(v) > 1 for v in runs.values()):
    # the median of each peer's runs; a peer's verify is PASS only when every one of its runs passed
    print("median of the repeats:")
    for key, rs in runs.items():
        wall = statistics.median(float(r["wall"]) for r in rs)
        cpu = statistics.median(float(r["cpu"]) for r in rs)
        msgs = min(int(r["msgs"]) for r in rs)
        verify = next((r["verify"] for r in rs if r["verify"] != "PASS"), "PASS")
        rate = (msgs if key[1] == "1st" else n) / wall if wall else 0
        by[key] = (wall, cpu, rate, verify)
        print("%-12s %-4s %3s %8.2f %8.2f %8s %7s %6s %8.1f %8.3f %6s  %s" % (key[0], key[1], max(r["rc"] for r in rs),
              wall, cpu, "%.2f" % statistics.median(float(r["srv"]) for r in rs), max(int(r["rss"]) for r in rs), msgs,
              rate, 1000 * cpu / n, "", verify))
print("(2nd = the no-op pass: msgs/s = source messages checked per second; cpu ms/m = client CPU per source message;")
print(" mbsync copies system flags only, not keywords such as $Forwarded or $Label1: its flag_diff is expected)")
ours1, ours2 = by.get(("ours", "1st")), by.get(("ours", "2nd"))
for anchor in ("dsync-imapc", "mbsync", "imapsync"):
    a1, a2 = by.get((anchor, "1st")), by.get((anchor, "2nd"))
    if ours1 and a1:
        ok = ours1[3] == "PASS" and (a1[3] == "PASS" or (anchor == "mbsync" and a1[3].startswith("FAIL(flag_diff=")))
        print("ours / %-11s copy msgs/s %.2fx   client CPU %.2fx   no-op pass time %s%s" % (
            anchor, ours1[2] / a1[2] if a1[2] else 0, ours1[1] / a1[1] if a1[1] else float("inf"),
            "%.2fx" % (ours2[0] / a2[0]) if ours2 and a2 and a2[0] else "-",
            "" if ok else "   (a run did not verify: see the table)"))
ceiling = by.get(("append", "1st"))
if ceiling:
    for peer in ("ours", "dsync-imapc", "mbsync", "imapsync"):
        p1 = by.get((peer, "1st"))
        if p1 and ceiling[2]:
            print("%-11s / server's pipelined APPEND (%d loaders at once, %.1f msgs/s): copy msgs/s %.2fx" % (
                peer, pairs, ceiling[2], p1[2] / ceiling[2]))
EOF
if [ -n "$THREADS" ]; then
  for f in "$RES"/ours.1st*.threads "$RES"/ours.2nd*.threads; do
    # threads of 0.02 s or more, and the totals ("(ended threads)": time of threads gone between two reads)
    [ -s "$f" ] && { f1="${f##*/ours.}"; echo "ours ${f1%.threads}, CPU per thread:"
      awk 'NR == 1 || /^\(/ || $NF + 0 >= 0.02' "$f"; } >> "$RES/table.txt"
  done
fi
cat "$RES/table.txt"
echo "results: $RES"
