#!/usr/bin/env bash
# CSV import benchmark (target: a 10,000-row file imports in <= 2 s). Generates an imapsync file.txt of ROWS
# pairs with passwords, then times `mailmigrator batch import` of the built headless product (read, validate,
# encrypt every password, store in H2) into fresh workspaces. The anchor, measured in the same run, is the
# same product doing nothing (`--version`): OSGi and JVM start-up, which every command pays. Prints the medians
# of RUNS runs, the import's own share (import - anchor), its ratio to the 2 s target and the ratio to the anchor.
#   benchmarks/import/run.sh [ROWS [RUNS]]      default 10000 3
# Needs a JDK >= 21; builds the products first when they are missing or older than the sources.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
mm_ensure_built
ROWS="${1:-10000}"
RUNS="${2:-3}"
work="$(mktemp -d -t mailmigrator-import-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
awk -v n="$ROWS" 'BEGIN { print "# generated"; for (i = 0; i < n; i++)
  printf "imap.source.example;user%d;Src-secret-%d;imap.dest.example;user%d@dest.example;Dst-secret-%d;--ssl1 --ssl2;\n", i, i, i, i }' \
  >"$work/file.txt"

seconds() { # runs "$@" quietly and prints its wall time in seconds
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$work/out.log" 2>&1 || { cat "$work/out.log" >&2; echo "import benchmark: '$*' failed" >&2; exit 1; }
  t1=$(date +%s.%N)
  LC_ALL=C awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

anchor=(); import=()
for r in $(seq 1 "$RUNS"); do
  anchor+=("$(seconds "$ROOT/mailmigrator" --version)")
  import+=("$(seconds "$ROOT/mailmigrator" batch import "$work/file.txt" --name "bench$r" --workspace "$work/ws$r")")
done
grep -q "$ROWS" "$work/out.log" || { cat "$work/out.log" >&2; echo "import benchmark: the import did not report $ROWS rows" >&2; exit 1; }
if grep -rqa "Src-secret-1[^0-9]" "$work/ws$RUNS"; then echo "import benchmark: a password is readable in the workspace" >&2; exit 1; fi
a=$(printf '%s\n' "${anchor[@]}" | median)
i=$(printf '%s\n' "${import[@]}" | median)
LC_ALL=C awk -v a="$a" -v i="$i" -v n="$ROWS" -v runs="$RUNS" 'BEGIN {
  printf "import benchmark: %d rows, median of %d runs: batch import %.2f s wall; anchor (same product, --version) %.2f s\n", n, runs, i, a
  printf "import benchmark: import work %.2f s (target <= 2 s: ratio %.2f); ratio to the anchor %.2f\n", i - a, (i - a) / 2, i / a }'
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
