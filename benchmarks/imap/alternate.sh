#!/usr/bin/env bash
# Two builds of the product, old and new, copying the same corpus one after the other, ROUNDS times, so that both
# meet the same machine load (other work on the machine makes single figures wander by ±0.3 CPU-s): each copy
# into a fresh destination user with a fresh state store and workspace, timed (wall, client user+sys CPU of the
# process tree, peak RSS) and verified (tools/verify.py against the source).
#
#   benchmarks/imap/alternate.sh OLD_ROOT NEW_ROOT [ROUNDS [plain|starttls|imaps [strace]]]
#
#   OLD_ROOT, NEW_ROOT  two source trees with their product built (./mailmigrator --version in each first: it builds
#                       when needed and trains the start-up cache)
#   ROUNDS              default 3
#   strace              also count each copy's system calls (strace -f -c; slows the copy: its times are not CPU figures)
# The source user "src" must hold the corpus: run wan.sh once with the same TESTBED_* variables (it loads it).
# Environment: TESTBED_DIR, TESTBED_IMAP_PORT, TESTBED_IMAPS_PORT (as wan.sh), MAILMIGRATOR_VMARGS (passed on).
# Prints one line per copy: round, product, exit code, wall s, user s, sys s, CPU s, RSS MB, 1-min load, verify.
set -uo pipefail
OLD=$1; NEW=$2; ROUNDS=${3:-3}; TLS=${4:-plain}; STRACE=${5:-}
T="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)/tools"
export TESTBED_DIR="${TESTBED_DIR:-${TMPDIR:-/tmp}/mm-imap-bench}"
export TESTBED_PASSWORD="${TESTBED_PASSWORD:-testpass}"
PORT="${TESTBED_IMAP_PORT:-10143}"
OUT="$TESTBED_DIR/alternate-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$OUT"
PW="$OUT/password"; printf '%s\n' "$TESTBED_PASSWORD" > "$PW"; chmod 600 "$PW"
CERT="$TESTBED_DIR/ssl/cert.pem"
case $TLS in
  plain) url=imap; port=$PORT; link=(--allow-plaintext);;
  starttls) url=imap; port=$PORT; link=(--trust-store "$CERT");;
  imaps) url=imaps; port="${TESTBED_IMAPS_PORT:-10993}"; link=(--trust-store "$CERT");;
  *) echo "plain, starttls or imaps" >&2; exit 2;;
esac
printf "round\tproduct\trc\twall\tuser\tsys\tcpu\trss_mb\tload1\tverify\n" | tee "$OUT/results.tsv"
for r in $(seq 1 "$ROUNDS"); do
  for v in old new; do
    root=$OLD; [ $v = new ] && root=$NEW
    D=d_$v; "$T/testbed.sh" wipe $D >/dev/null
    WS="$OUT/ws-$v"; rm -rf "$WS"; mkdir -p "$WS"
    l0=$(cut -d' ' -f1 /proc/loadavg)
    pre=(); [ -n "$STRACE" ] && pre=(strace -f -c -o "$OUT/strace-$v-$r.txt")
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/time" "${pre[@]}" env MAILMIGRATOR_WORKSPACE="$WS" "$root/mailmigrator" migrate \
      --source "$url://src@127.0.0.1:$port" --target "$url://$D@127.0.0.1:$port" "${link[@]}" \
      --source-password-file "$PW" --target-password-file "$PW" --state "$WS/state" > "$OUT/$v-$r.log" 2>&1; rc=$?
    vline=$(python3 "$T/verify.py" --src-user src --dst-user $D --src-port "$PORT" --dst-port "$PORT" --label $v 2>/dev/null | tail -1)
    read -r wall usr sys rss < <(tail -1 "$OUT/time")
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$r" $v $rc "$wall" "$usr" "$sys" "$(python3 -c "print(round($usr+$sys,2))")" \
      $((rss / 1024)) "$l0" "$(echo "$vline" | cut -d' ' -f1-2)" | tee -a "$OUT/results.tsv"
  done
done
echo "results: $OUT"
