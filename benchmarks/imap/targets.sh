#!/usr/bin/env bash
# Issue 15's targets in one run, each measured as a user runs the product (./mailmigrator, start-up included) beside
# the anchors in the same run, every copy verified (benchmarks/imap/wan.sh), then one line per target: the figure,
# the target and "met" or "NOT met". Nothing is skipped silently: a step that fails prints "no figure" and its log.
#
#   benchmarks/imap/targets.sh [-s STEPS] [-c PATH]
#
#   -s STEPS   a subset of "version loop4k loop20k wan40 wan100 tls pairs8 heap" (default all, in that order)
#   -c PATH    your own mail (wan.sh -c: a Maildir, mbox, MH or .eml tree, imported once) instead of the generated
#              corpora: loop4k and loop20k become one loopback step on it (target >= 1.2x dsync-imapc from 20,000
#              messages, >= 1.0x below), wan40, wan100, tls and pairs8 run on it; heap keeps the generated 4k
#              corpus (its two 20 MB messages are the point)
#
# imapsync runs beside the others when IMAPSYNC names its script (wan.sh). The steps (about 20 minutes on this
# project's 2-vCPU machine when quiet):
#   version  `./mailmigrator --version` 7 times, the median wall time              target <= 0.5 s
#   loop4k   wan.sh -n 4000 -r 3, loopback (medians of 3 runs each): msgs/s / dsync-imapc's  target >= 1.0x
#            client CPU per message / mbsync's                                      target <= 2x
#   loop20k  wan.sh -n 20000 -r 3, loopback: the same two ratios                   targets >= 1.2x, <= 2x
#   wan40    wan.sh -n 1000 -L 40 (ours, mbsync): msgs/s / mbsync's                 target >= 1.0x
#            the no-op second run's time / mbsync's                                 target <= 1.5x
#   wan100   the same at 100 ms
#   tls      wan.sh -n 1000 -L 40 -T imaps and -T starttls (ours): msgs/s / ours plaintext of wan40   >= 0.8x
#   pairs8   wan.sh -n 4000 -m 8 -p ours -r 2: 8 migrations at once (one batch run) / the server's pipelined APPEND
#            with 8 loaders at once                                                 target >= 0.9x
#   heap     wan.sh -n 4000 -p ours with MAILMIGRATOR_VMARGS=-Xmx128m (the corpus has two 20 MB messages): the
#            copy completes and verifies                                           target: heap <= 128 MB
# Output: each step's wan.sh table, then the targets; all under $TESTBED_DIR/results/targets-DATE.
set -uo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export TESTBED_DIR="${TESTBED_DIR:-${TMPDIR:-/tmp}/mm-imap-bench}"
STEPS="version loop4k loop20k wan40 wan100 tls pairs8 heap"
OWN=""
while getopts "s:c:" o; do
  case $o in s) STEPS=$OPTARG;; c) OWN=$(readlink -f "$OPTARG");; *) sed -n '2,/^set -uo/p' "$0" | grep '^#'; exit 2;; esac
done
has() { case " $STEPS " in *" $1 "*) return 0;; esac; return 1; }
[ -z "$OWN" ] || [ -e "$OWN" ] || { echo "-c: no such file or folder" >&2; exit 2; }
own_or() { if [ -n "$OWN" ]; then C=(-c "$OWN"); else C=(-n "$1"); fi; } # C: wan.sh's corpus options
OUT="$TESTBED_DIR/results/targets-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
echo "date: $(date -u +%FT%TZ)  host: $(nproc) cores  uptime:$(uptime | sed 's/.*up/ up/')" | tee "$OUT/env.txt"

# wan NAME ARGS...: runs wan.sh, keeps its table and results.tsv as NAME.table / NAME.tsv
wan() {
  local name=$1 res; shift
  echo "== $name: wan.sh $*" | tee -a "$OUT/tables.txt"
  "$HERE/wan.sh" "$@" > "$OUT/$name.log" 2>&1
  res=$(sed -n 's/^results: //p' "$OUT/$name.log" | tail -1)
  if [ -n "$res" ] && [ -s "$res/results.tsv" ]; then
    cp "$res/results.tsv" "$OUT/$name.tsv"
    cat "$res/table.txt" | tee -a "$OUT/tables.txt"
  else
    echo "(no results: see $OUT/$name.log)" | tee -a "$OUT/tables.txt"
    tail -20 "$OUT/$name.log"
  fi
}

if has version; then
  (cd "$ROOT" && ./mailmigrator --version > /dev/null 2>&1) # builds the product and its start-up cache when needed
  sleep 1
  for lock in "$ROOT"/releng/org.mailmigrator.repository/target/products/org.mailmigrator.headless/*/*/*/configuration/.mailmigrator-aot.lock; do
    [ -f "$lock" ] && timeout 300 flock "$lock" true
  done
  sync # no writeback of an earlier step's mail during the timing
  sleep 2
  for i in 1 2 3 4 5 6 7; do
    (cd "$ROOT" && /usr/bin/time -f '%e' -a -o "$OUT/version.times" ./mailmigrator --version > /dev/null 2>&1)
  done
  echo "== version: $(tr '\n' ' ' < "$OUT/version.times")s" | tee -a "$OUT/tables.txt"
fi
if [ -n "$OWN" ]; then
  { has loop4k || has loop20k; } && wan loopown -c "$OWN" -r 3
else
  has loop4k && wan loop4k -n 4000 -r 3
  has loop20k && wan loop20k -n 20000 -r 3
fi
own_or 1000
has wan40 && wan wan40 "${C[@]}" -L 40 -p "ours mbsync"
has wan100 && wan wan100 "${C[@]}" -L 100 -p "ours mbsync"
if has tls; then
  wan imaps40 "${C[@]}" -L 40 -T imaps -p ours
  wan starttls40 "${C[@]}" -L 40 -T starttls -p ours
fi
own_or 4000
has pairs8 && wan pairs8 "${C[@]}" -m 8 -p ours -r 2
has heap && MAILMIGRATOR_VMARGS="-Xmx128m ${MAILMIGRATOR_VMARGS:-}" wan heap -n 4000 -p ours

python3 - "$OUT" > "$OUT/targets.txt" <<'EOF'
import csv, os, statistics, sys
out = sys.argv[1]

def rows(name):
    """(peer, run) -> its run, or with wan.sh -r the median of its repeats (PASS only if every repeat passed)"""
    p = os.path.join(out, name + ".tsv")
    if not os.path.exists(p):
        return None
    runs = {}
    for r in csv.DictReader(open(p), delimiter="\t"):
        runs.setdefault((r["peer"], r["run"]), []).append(r)
    med = {}
    for key, rs in runs.items():
        med[key] = {"wall": statistics.median(float(r["wall"]) for r in rs),
                    "cpu": statistics.median(float(r["cpu"]) for r in rs),
                    "msgs": min(int(r["msgs"]) for r in rs),
                    "rc": max(r["rc"] for r in rs),
                    "verify": next((r["verify"] for r in rs if r["verify"] != "PASS"), "PASS")}
    return med

def ok(r, peer):
    # mbsync copies no keywords: its flag_diff is expected (wan.sh says so in its table)
    v = r["verify"]
    return v == "PASS" or (peer == "mbsync" and v.startswith("FAIL(flag_diff=") and "," not in v)

def rate(r):
    return r["msgs"] / r["wall"] if r["wall"] else 0

lines = []
def target(what, value, goal, met, note=""):
    lines.append("%-58s %-14s %-10s %s%s" % (what, value, goal, "met" if met else "NOT met", "   " + note if note else ""))

def none(what, goal, why):
    lines.append("%-58s %-14s %-10s %s" % (what, "no figure", goal, "NOT met   (" + why + ")"))

if os.path.exists(os.path.join(out, "version.times")):
    t = [float(x) for x in open(os.path.join(out, "version.times")).read().split()]
    m = statistics.median(t)
    target("./mailmigrator --version, median of %d" % len(t), "%.2f s" % m, "<= 0.5 s", m <= 0.5)

def loop(name, label, goal):
    r = rows(name)
    if r is None:
        return
    o, d, b = r.get(("ours", "1st")), r.get(("dsync-imapc", "1st")), r.get(("mbsync", "1st"))
    if not (o and d and ok(o, "ours") and ok(d, "dsync-imapc")):
        none(label + " msgs/s / dsync-imapc's", ">= %.1fx" % goal, "a run failed or did not verify")
    else:
        x = rate(o) / rate(d)
        target(label + " msgs/s / dsync-imapc's", "%.2fx" % x, ">= %.1fx" % goal, x >= goal)
    if not (o and b and ok(o, "ours") and ok(b, "mbsync")):
        none(label + " client CPU per message / mbsync's", "<= 2x", "a run failed or did not verify")
    else:
        x = (o["cpu"] / o["msgs"]) / (b["cpu"] / b["msgs"])
        target(label + " client CPU per message / mbsync's", "%.2fx" % x, "<= 2x", x <= 2)

loop("loop4k", "loopback 4k", 1.0)
loop("loop20k", "loopback 20k", 1.2)
own = rows("loopown")
if own is not None:  # your own corpus (-c): the 20k target from 20,000 messages on
    n = max((r["msgs"] for (peer, run), r in own.items() if peer == "ours" and run == "1st"), default=0)
    loop("loopown", "loopback own corpus, %d msgs," % n, 1.2 if n >= 20000 else 1.0)

plain40 = None
for name, rtt in (("wan40", 40), ("wan100", 100)):
    r = rows(name)
    if r is None:
        continue
    o1, o2, b1, b2 = (r.get(k) for k in (("ours", "1st"), ("ours", "2nd"), ("mbsync", "1st"), ("mbsync", "2nd")))
    if o1 and b1 and ok(o1, "ours") and ok(b1, "mbsync"):
        x = rate(o1) / rate(b1)
        target("%d ms msgs/s / mbsync's" % rtt, "%.2fx" % x, ">= 1.0x", x >= 1.0)
        if rtt == 40:
            plain40 = rate(o1)
    else:
        none("%d ms msgs/s / mbsync's" % rtt, ">= 1.0x", "a run failed or did not verify")
    if o2 and b2 and ok(o2, "ours") and ok(b2, "mbsync"):
        x = o2["wall"] / b2["wall"]
        target("%d ms no-op second run time / mbsync's" % rtt, "%.2fx" % x, "<= 1.5x", x <= 1.5)
    else:
        none("%d ms no-op second run time / mbsync's" % rtt, "<= 1.5x", "a run failed or did not verify")

for name, label in (("imaps40", "implicit TLS"), ("starttls40", "STARTTLS")):
    r = rows(name)
    if r is None:
        continue
    o = r.get(("ours", "1st"))
    if o and ok(o, "ours") and plain40:
        x = rate(o) / plain40
        target("40 ms %s msgs/s / ours plaintext" % label, "%.2fx" % x, ">= 0.8x", x >= 0.8)
    else:
        none("40 ms %s msgs/s / ours plaintext" % label, ">= 0.8x", "a run failed, did not verify, or no wan40")

r = rows("pairs8")
if r is not None:
    o, a = r.get(("ours", "1st")), r.get(("append", "1st"))
    if o and a and ok(o, "ours") and ok(a, "append"):
        x = rate(o) / rate(a)
        target("8 pairs msgs/s / server's pipelined APPEND (8 loaders)", "%.2fx" % x, ">= 0.9x", x >= 0.9)
    else:
        none("8 pairs msgs/s / server's pipelined APPEND (8 loaders)", ">= 0.9x", "a run failed or did not verify")

r = rows("heap")
if r is not None:
    o = r.get(("ours", "1st"))
    good = bool(o) and o["rc"] == "0" and ok(o, "ours")
    target("one pair, 20 MB messages, -Xmx128m: copy completes, verified", "PASS" if good else "FAIL", "<= 128 MB", good)

print("%-58s %-14s %-10s %s" % ("target", "measured", "goal", "result"))
print("\n".join(lines))
EOF
cat "$OUT/env.txt" "$OUT/targets.txt"
echo "results: $OUT"
