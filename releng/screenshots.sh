#!/usr/bin/env bash
# Starts the workbench under a virtual display and saves PNGs of its main screens into OUTDIR: the Connectors
# view, the Migrations view with Failed and Queued rows (prepared with the command line), the Import wizard
# showing invalid cells, the migration editor with its folder mapping preview (two private Dovecots), the
# demo batch running, the Details view of a migration, the Details view's error pane, the fleet dashboard, the
# certificate question during a run (a private Dovecot with a self-signed certificate).
# Also prints the time from ./mailmigrator (product already built) to the visible workbench window,
# for a first start (fresh caches) and later starts; target <= 3 s. Each UI issue adds its screens at the end.
#   releng/screenshots.sh OUTDIR [STARTS]
set -euo pipefail
out="$(mkdir -p "${1:?usage: releng/screenshots.sh OUTDIR [STARTS]}" && cd "$1" && pwd)"
starts="${2:-3}"
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/scripts/env.sh"
cd "$MM_ROOT"

for tool in Xvfb:xvfb xdotool:xdotool import:imagemagick; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "screenshots: install ${tool##*:}" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tool##*:}" >/dev/null
  fi
done
mm_find_jdk
mm_ensure_built

display=90
while [ -e "/tmp/.X${display}-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
workspace="$(mktemp -d)"
main_workspace="$workspace"
app_pid=""
servers_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$servers_pid" ] && kill "$servers_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$main_workspace"
}
trap cleanup EXIT
sleep 0.5

# Starts the workbench and waits for its window; sets wid (the window) and seconds (time it took).
# Extra arguments are JVM options. The time is the workbench's own "window open" mark: ./mailmigrator execs
# the JVM, so "after JVM start" counts from the start of ./mailmigrator, to the millisecond (xdotool's wait
# polls only every half second; its time is the fallback).
start_workbench() {
  local t0 t1 mark
  t0=$(date +%s.%N)
  MAILMIGRATOR_WORKSPACE="$workspace" MAILMIGRATOR_VMARGS="-Dmailmigrator.startupTrace=true $*" ./mailmigrator \
    >"$workspace.log" 2>&1 &
  app_pid=$!
  wid=$(timeout 120 xdotool search --sync --onlyvisible --name '^Mail Migrator Workbench' | head -1 || true)
  t1=$(date +%s.%N)
  [ -n "$wid" ] || { echo "screenshots: no workbench window after 120 s; log:" >&2; cat "$workspace.log" >&2; exit 1; }
  mark=$(sed -n 's/^startup: window open *\([0-9]*\) ms after JVM start$/\1/p' "$workspace.log" | head -1)
  if [ -n "$mark" ]; then
    seconds=$(printf '%.2f' "$(echo "$mark / 1000" | bc -l)")
  else
    seconds=$(printf '%.2f' "$(echo "$t1 - $t0" | bc)")
  fi
}

# Waits until the workbench has exited (after closing itself), or stops it.
stop_workbench() {
  local i
  # a first session also writes the JDK's start-up cache when it exits: give it time
  for i in $(seq 1 600); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# Saves the whole screen as OUTDIR/NAME.png.
shot() {
  sleep 1.5   # let the window finish painting
  import -window root "$out/$1.png"
  echo "screenshots: $out/$1.png"
}

# Timed starts: the workbench closes itself once its window is open, as a user closing it would,
# so the second and later starts find the caches a returning user has.
times=()
for i in $(seq 1 "$starts"); do
  if [ "$i" -eq 1 ]; then clean=-Dosgi.clean=true; else clean=""; fi
  start_workbench -Dmailmigrator.closeAfterStartup=true $clean
  times+=("$seconds")
  stop_workbench
done
echo "startup: ./mailmigrator to workbench window: first start ${times[0]} s (fresh OSGi caches and workspace)," \
  "later starts: ${times[*]:1} s; target <= 3 s; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Screens
start_workbench
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
shot workbench-connectors
stop_workbench

# Migrations table with statuses: the command line (same workspace) imports two batches and runs one of them
# against a closed port, so its rows end Failed with their error while the other batch stays Queued. The
# Migrations view shows every batch while none is selected in the Batches view.
demo="$workspace/demo-files"
mkdir -p "$demo"
for i in 1 2 3 4 5 6; do
  echo "127.0.0.1:9;pilot$i;pw-$i;127.0.0.1:9;pilot$i;pw-$i;;"
done >"$demo/pilot.txt"
for i in $(seq 1 24); do
  echo "imap.old.example;user$i;pw-$i;imap.new.example;user$i;pw-$i;;"
done >"$demo/wave-2.txt"
MAILMIGRATOR_WORKSPACE="$workspace" ./mailmigrator batch import "$demo/wave-2.txt" >/dev/null
MAILMIGRATOR_WORKSPACE="$workspace" ./mailmigrator batch run "$demo/pilot.txt" --allow-plaintext >/dev/null 2>&1 || true
start_workbench
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
shot workbench-migrations
stop_workbench

# The error pane of the Details view: a failed row of the pilot batch selected at start-up (its whole error,
# wrapped and copyable, with the fix for its cause).
start_workbench -Dmailmigrator.selectBatch=pilot -Dmailmigrator.showView=org.mailmigrator.ui.views.details
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
sleep 2
shot details-error-pane
stop_workbench

# The Import wizard on a file with invalid cells: -Dmailmigrator.demo.importFile=FILE opens it on FILE at start-up.
cat >"$demo/invalid.txt" <<'CSV'
imap.old.example;alice;pw1;imap.new.example;alice;pw2;;
imap.old.example:99999;bob;pw1;imap.new.example;bob;pw2;;
imap.old.example;carol;pw1;imap.new.example;carol;pw2;--frobnicate;
CSV
start_workbench "-Dmailmigrator.demo.importFile=$demo/invalid.txt"
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
shot import-wizard-invalid

# The migration editor with its folder mapping preview: two private Dovecots (an old host with INBOX.-prefixed,
# Outlook-style names; a new host with '/' and special-use folders; org.mailmigrator.testing.DemoMailServers,
# needs dovecot-imapd), a one-row batch between them, and -Dmailmigrator.demo.editor=BATCH, which opens the
# row's editor maximized on its Folder mapping page and runs Preview (plaintext allowed: the servers have no TLS).
# A workspace of its own: a batch imported by the command line right after the wizard's workbench was killed
# was seen lost once that workbench had finished going down.
kill "$app_pid" 2>/dev/null || true
for i in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
app_pid=""
workspace="$main_workspace/editor-workspace"
mkdir -p "$workspace"
ports="$workspace/demo-ports"
"$JAVA_HOME/bin/java" -cp "$MM_ROOT/bundles/org.mailmigrator.testing/target/classes" \
  org.mailmigrator.testing.DemoMailServers "$ports" >"$workspace/servers.log" 2>&1 &
servers_pid=$!
for i in $(seq 1 300); do [ -s "$ports" ] && break; sleep 0.1; done
[ -s "$ports" ] || { echo "screenshots: demo mail servers did not start:" >&2; cat "$workspace/servers.log" >&2; exit 1; }
read -r src_port dst_port <"$ports"
echo "127.0.0.1:$src_port;alice;testpass;127.0.0.1:$dst_port;alice.new;testpass;;" >"$demo/editor.txt"
MAILMIGRATOR_WORKSPACE="$workspace" ./mailmigrator batch import "$demo/editor.txt" --name editor-demo >/dev/null
start_workbench "-Dmailmigrator.demo.editor=editor-demo"
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
sleep 3   # the preview logs in to both servers in a job
shot migration-editor-folder-mapping
stop_workbench
kill "$servers_pid" 2>/dev/null || true
wait "$servers_pid" 2>/dev/null || true
servers_pid=""
# The certificate question during a run: a private Dovecot with STARTTLS and a self-signed certificate
# (org.mailmigrator.testing.FilledMailServer ... tls; TLS is required, as in every run unless plaintext is
# allowed) and a one-row batch on it, started at start-up (-Dmailmigrator.startBatch=true). The first connection
# asks; behind the dialog the row says "Waiting for your answer: certificate of 127.0.0.1".
"$JAVA_HOME/bin/java" -cp "$MM_ROOT/bundles/org.mailmigrator.testing/target/classes" \
  org.mailmigrator.testing.FilledMailServer "$workspace/cert-ports" 1 40 2000 tls >"$workspace/cert-server.log" 2>&1 &
servers_pid=$!
for i in $(seq 1 600); do [ -s "$workspace/cert-ports" ] && break; sleep 0.1; done
[ -s "$workspace/cert-ports" ] || { echo "screenshots: the TLS test server did not start:" >&2; cat "$workspace/cert-server.log" >&2; exit 1; }
read -r cert_port _ <"$workspace/cert-ports"
echo "127.0.0.1:$cert_port;src0;testpass;127.0.0.1:$cert_port;dst0;testpass;;" >"$demo/cert.txt"
MAILMIGRATOR_WORKSPACE="$workspace" ./mailmigrator batch import "$demo/cert.txt" --name cert-demo >/dev/null
start_workbench -Dmailmigrator.selectBatch=cert-demo -Dmailmigrator.startBatch=true
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
timeout 60 xdotool search --sync --onlyvisible --name '^Untrusted certificate' >/dev/null \
  || echo "screenshots: the certificate question did not appear within 60 s" >&2
sleep 1   # the row's status follows within a quarter second
shot certificate-question
kill "$app_pid" 2>/dev/null || true   # the question is left unanswered: nothing is trusted
wait "$app_pid" 2>/dev/null || true
app_pid=""
kill "$servers_pid" 2>/dev/null || true
wait "$servers_pid" 2>/dev/null || true
servers_pid=""
workspace="$main_workspace"
# The demo batch running: -Dmailmigrator.demo=true (what ./mailmigrator --demo sets) starts the in-process
# IMAP servers and the batch "demo" once the window is open. The batches prepared above are purged first so
# that the Migrations view shows the demo alone.
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""
for batch in pilot wave-2; do
  MAILMIGRATOR_WORKSPACE="$workspace" ./mailmigrator batch purge "$batch" >/dev/null
done
start_workbench -Dmailmigrator.demo=true
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
sleep "${MM_DEMO_SHOT_DELAY:-8}"   # servers started and filled, the first migrations under way
shot demo-batch
# The Details view of the demo's first migration (selected by the demo), once its pass has gone further:
# per-folder progress, the log and the skipped items below the Migrations view.
sleep "${MM_DETAILS_SHOT_DELAY:-6}"
shot details-view
# The fleet dashboard while the demo batch runs: totals by status, throughput over time, connections per
# server against the limit, errors by cause.
stop_workbench
start_workbench -Dmailmigrator.demo=true -Dmailmigrator.showView=org.mailmigrator.ui.views.dashboard \
  -Dmailmigrator.maximizeView=true
xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0 || true
sleep "${MM_DASHBOARD_SHOT_DELAY:-14}"   # a minute of throughput would be nicer; 14 s shows the chart moving
shot dashboard
