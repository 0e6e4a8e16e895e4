#!/usr/bin/env bash
# Mail test bed: a private, unprivileged Dovecot instance on loopback.
#
#   testbed.sh [up]           install deps (idempotent) + start + print settings (default)
#   testbed.sh install        apt-get install dovecot + imapsync's perl deps (skips what is there)
#   testbed.sh start          write config/cert, start dovecot (no-op if already running)
#   testbed.sh stop           stop ONLY the dovecot started here (pid from base_dir/master.pid)
#   testbed.sh restart
#   testbed.sh status         running or not, pid, ports
#   testbed.sh env            print connection settings as shell assignments
#   testbed.sh wipe USER...   kick USER's sessions and delete USER's mail home
#   testbed.sh doveadm ARGS   run doveadm against this instance (as the instance user)
#   testbed.sh imapsync ARGS  run the located imapsync binary
#
# Environment (all optional):
#   TESTBED_DIR        state folder (config, base_dir, logs, homes)   default ${TMPDIR:-/tmp}/mail-testbed
#   TESTBED_IMAP_PORT  default 10143   TESTBED_IMAPS_PORT default 10993
#   TESTBED_POP3_PORT  default 10110   TESTBED_POP3S_PORT default 10995
#   TESTBED_PASSWORD   password of every user (static passdb)          default testpass
#   TESTBED_FSYNC      dovecot mail_fsync (never/optimized/always)     default never
#   TESTBED_COMPRESS   1: offer COMPRESS=DEFLATE (zlib, imap_zlib plugins; restart to apply)  default 0
#   TESTBED_RUNUSER    unix account dovecot runs as when invoked as root  default mailtb (created if missing)
#   IMAPSYNC           path to an imapsync script (not packaged in Debian; see README.md)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TESTBED_DIR="${TESTBED_DIR:-${TMPDIR:-/tmp}/mail-testbed}"
IMAP_PORT="${TESTBED_IMAP_PORT:-10143}"
IMAPS_PORT="${TESTBED_IMAPS_PORT:-10993}"
POP3_PORT="${TESTBED_POP3_PORT:-10110}"
POP3S_PORT="${TESTBED_POP3S_PORT:-10995}"
PASSWORD="${TESTBED_PASSWORD:-testpass}"
FSYNC="${TESTBED_FSYNC:-never}"   # dovecot mail_fsync: never|optimized|always
HOST=127.0.0.1
CONF="$TESTBED_DIR/etc/dovecot.conf"
BASE="$TESTBED_DIR/base"
PIDFILE="$BASE/master.pid"
USERS_DOC="src gsrc dst1 dst2 dst3 dst4 dst5 dst6 dst7 dst8"

log() { echo "[testbed] $*" >&2; }

if [ "$(id -u)" = 0 ]; then
  RUNUSER="${TESTBED_RUNUSER:-mailtb}"
else
  RUNUSER="$(id -un)"
fi

as_runuser() {
  if [ "$(id -u)" = 0 ] && [ "$RUNUSER" != root ]; then
    runuser -u "$RUNUSER" -- "$@"
  else
    "$@"
  fi
}

# ---------------------------------------------------------------- install
PKGS_DOVECOT="dovecot-core dovecot-imapd dovecot-pop3d openssl time procps isync"
# imapsync is NOT packaged in Debian (removed 2011); these are its perl deps from Debian.
PKGS_IMAPSYNC_DEPS="libauthen-ntlm-perl libcgi-pm-perl libcrypt-openssl-rsa-perl libdata-uniqid-perl
 libencode-imaputf7-perl libfile-copy-recursive-perl libfile-tail-perl libio-socket-inet6-perl
 libio-socket-ssl-perl libio-tee-perl libhtml-parser-perl libjson-webtoken-perl libmail-imapclient-perl
 libparse-recdescent-perl libproc-processtable-perl libmodule-scandeps-perl libreadonly-perl
 libregexp-common-perl libsys-meminfo-perl libterm-readkey-perl libunicode-string-perl liburi-perl
 libwww-perl libdigest-hmac-perl libnet-ssleay-perl"

cmd_install() {
  local missing=()
  for p in $PKGS_DOVECOT ${IMAPSYNC:+$PKGS_IMAPSYNC_DEPS}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { log "need root to apt-get install: ${missing[*]}"; exit 1; }
    log "installing: ${missing[*]}"
    # policy-rc.d / no systemd: the package's system service is NOT started; we never use it.
    if ! compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
      apt-get update -qq
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
  fi
  if [ -n "${IMAPSYNC:-}" ] && ! find_imapsync >/dev/null; then
    log "NOTE: imapsync not found (not a Debian package). Put the upstream script at \$IMAPSYNC,"
    log "      in PATH, or at vendor/imapsync beside this script (peers.sh skips imapsync otherwise)."
  fi
}

find_imapsync() {
  local c
  for c in "${IMAPSYNC:-}" "$(command -v imapsync 2>/dev/null || true)" "$HERE/vendor/imapsync"; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}

# ---------------------------------------------------------------- config
ensure_runuser() {
  if [ "$(id -u)" = 0 ] && ! id "$RUNUSER" >/dev/null 2>&1; then
    log "creating unprivileged system user $RUNUSER"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUNUSER"
  fi
}

write_config() {
  local uid gid grp
  uid="$(id -u "$RUNUSER")"; gid="$(id -g "$RUNUSER")"; grp="$(id -gn "$RUNUSER")"
  mkdir -p "$TESTBED_DIR"/{etc,base,state,log,home,ssl}
  if [ ! -s "$TESTBED_DIR/ssl/cert.pem" ]; then
    log "generating self-signed certificate (CN=localhost, SAN localhost,127.0.0.1)"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$TESTBED_DIR/ssl/key.pem" -out "$TESTBED_DIR/ssl/cert.pem" 2>/dev/null
  fi
  # OAuth2: a shared HS256 secret Dovecot trusts (tokens are minted by the tests with it)
  mkdir -p "$TESTBED_DIR/oauth2/keys/default/HS256"
  [ -s "$TESTBED_DIR/oauth2/secret" ] || head -c 32 /dev/urandom | base64 -w0 > "$TESTBED_DIR/oauth2/secret"
  cp "$TESTBED_DIR/oauth2/secret" "$TESTBED_DIR/oauth2/keys/default/HS256/default"
  chown -R "$RUNUSER" "$TESTBED_DIR/oauth2" 2>/dev/null || true
  cat > "$TESTBED_DIR/etc/dovecot-oauth2.conf.ext" <<OA
introspection_mode = local
local_validation_key_dict = fs:posix:prefix=$TESTBED_DIR/oauth2/keys/
username_attribute = sub
OA
  local dh=/usr/share/dovecot/dh.pem
  if [ ! -s "$dh" ]; then
    dh="$TESTBED_DIR/ssl/dh.pem"
    [ -s "$dh" ] || openssl dhparam -out "$dh" 2048 2>/dev/null
  fi
  cat > "$CONF.tmp" <<EOF
# Generated by testbed.sh -- private test instance, NOT the system dovecot.
protocols = imap pop3
listen = $HOST
instance_name = mail-testbed
base_dir = $BASE
state_dir = $TESTBED_DIR/state
log_path = $TESTBED_DIR/log/dovecot.log
info_log_path = $TESTBED_DIR/log/dovecot.log
# everything runs as one unprivileged account
default_login_user = $RUNUSER
default_internal_user = $RUNUSER
default_internal_group = $grp
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid

ssl = yes
ssl_cert = <$TESTBED_DIR/ssl/cert.pem
ssl_key = <$TESTBED_DIR/ssl/key.pem
ssl_dh = <$dh
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer

# static passdb: every user name is accepted with the same password
passdb {
  driver = static
  args = password=$PASSWORD
  mechanisms = plain login
}
# OAuth2 bearer tokens (XOAUTH2, OAUTHBEARER) validated locally: a JWT signed with HS256 by the secret in
# $TESTBED_DIR/oauth2/keys/default/HS256/default (base64), claims sub = the login, exp in the future.
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $TESTBED_DIR/etc/dovecot-oauth2.conf.ext
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$TESTBED_DIR/home/%u allow_all_users=yes
}

# Maildir, '/' hierarchy on the wire and on disk (so '.' is legal in folder names)
mail_location = maildir:~/Maildir:LAYOUT=fs:INBOX=~/Maildir/INBOX
namespace inbox {
  inbox = yes
  separator = /
  prefix =
  mailbox Drafts {
    special_use = \Drafts
  }
  mailbox Sent {
    special_use = \Sent
  }
  mailbox Trash {
    special_use = \Trash
  }
  mailbox Junk {
    special_use = \Junk
  }
  mailbox Archive {
    special_use = \Archive
  }
  mailbox "[Gmail]/All Mail" {
    special_use = \All
  }
  mailbox "[Gmail]/Sent Mail" {
    special_use = \Sent
  }
  mailbox "[Gmail]/Drafts" {
    special_use = \Drafts
  }
  mailbox "[Gmail]/Spam" {
    special_use = \Junk
  }
  mailbox "[Gmail]/Trash" {
    special_use = \Trash
  }
  mailbox "[Gmail]/Starred" {
    special_use = \Flagged
  }
  mailbox "[Gmail]/Important" {
    special_use = \Important
  }
}
mail_fsync = $FSYNC
default_vsz_limit = 2G
mail_max_userip_connections = 200

service imap-login {
  chroot =
  inet_listener imap {
    address = $HOST
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = $HOST
    port = $IMAPS_PORT
    ssl = yes
  }
}
service pop3-login {
  chroot =
  inet_listener pop3 {
    address = $HOST
    port = $POP3_PORT
  }
  inet_listener pop3s {
    address = $HOST
    port = $POP3S_PORT
    ssl = yes
  }
}
service imap {
  process_limit = 256
}
service anvil {
  chroot =
}
service auth-worker {
  user = \$default_internal_user
}
service doveadm {
  # unix socket in base_dir only, no TCP listener
}
$( [ "${TESTBED_COMPRESS:-0}" = 1 ] && echo 'mail_plugins = $mail_plugins zlib' )
protocol imap {
  mail_max_userip_connections = 200
$( [ "${TESTBED_COMPRESS:-0}" = 1 ] && echo '  mail_plugins = $mail_plugins imap_zlib' )
}
protocol pop3 {
  pop3_uidl_format = %08Xu%08Xv
}
EOF
  mv "$CONF.tmp" "$CONF"
  chown -R "$RUNUSER:$grp" "$TESTBED_DIR"
  chmod 600 "$TESTBED_DIR/ssl/key.pem"
}

master_pid() {
  [ -s "$PIDFILE" ] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [ -d "/proc/$pid" ] || return 1
  # must be a dovecot master started with OUR config
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$CONF" || return 1
  echo "$pid"
}

wait_port() {
  local port=$1 _
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

cmd_start() {
  if pid="$(master_pid)"; then log "already running (pid $pid)"; return 0; fi
  command -v dovecot >/dev/null || cmd_install
  ensure_runuser
  write_config
  as_runuser doveconf -c "$CONF" -n > "$TESTBED_DIR/log/doveconf-n.txt"
  # detach fds: a daemon holding our stdout/stderr would hang callers that pipe us (| tail, $(...), CI)
  if ! as_runuser dovecot -c "$CONF" </dev/null >"$TESTBED_DIR/log/start.out" 2>&1; then
    cat "$TESTBED_DIR/log/start.out" >&2; exit 1
  fi
  for p in $IMAP_PORT $IMAPS_PORT $POP3_PORT $POP3S_PORT; do
    wait_port "$p" || { log "port $p did not open; see $TESTBED_DIR/log/dovecot.log"; tail -20 "$TESTBED_DIR/log/dovecot.log" >&2; exit 1; }
  done
  log "dovecot started (pid $(master_pid))"
}

cmd_stop() {
  local pid
  if ! pid="$(master_pid)"; then log "not running"; return 0; fi
  kill -TERM "$pid"
  for _ in $(seq 1 100); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
  if [ -d "/proc/$pid" ]; then log "master $pid still alive after 10s; sending KILL to it only"; kill -KILL "$pid" || true; fi
  log "stopped (pid $pid)"
}

cmd_status() {
  if pid="$(master_pid)"; then echo "running pid=$pid conf=$CONF"; else echo "stopped"; return 3; fi
}

cmd_env() {
  cat <<EOF
# mail test bed connection settings (dovecot $(dovecot --version 2>/dev/null | cut -d' ' -f1))
TESTBED_DIR=$TESTBED_DIR
IMAP_HOST=$HOST
IMAP_PORT=$IMAP_PORT           # plaintext, STARTTLS offered, AUTH=PLAIN/LOGIN allowed without TLS
IMAPS_PORT=$IMAPS_PORT          # implicit TLS, self-signed cert
POP3_PORT=$POP3_PORT            # plaintext, STLS offered
POP3S_PORT=$POP3S_PORT           # implicit TLS
TLS_CERT=$TESTBED_DIR/ssl/cert.pem   # trust this (CN=localhost, SAN localhost + 127.0.0.1)
PASSWORD=$PASSWORD           # static passdb: ANY user name logs in with this password
USERS="$USERS_DOC"           # conventional names; homes appear on first login
SEPARATOR=/                  # hierarchy separator; Maildir LAYOUT=fs, INBOX=~/Maildir/INBOX
DOVEADM="$HERE/testbed.sh doveadm"
IMAPSYNC=$(find_imapsync 2>/dev/null || echo '(not found)')
EOF
}

cmd_wipe() {
  local u
  for u in "$@"; do
    case "$u" in ""|*/*|.*) log "bad user name '$u'"; exit 1;; esac
    if master_pid >/dev/null; then as_runuser doveadm -c "$CONF" kick "$u" >/dev/null 2>&1 || true; fi
    rm -rf "${TESTBED_DIR:?}/home/$u"
  done
}

cmd_doveadm() { as_runuser doveadm -c "$CONF" "$@"; }

cmd_imapsync() {
  local bin; bin="$(find_imapsync)" || { log "imapsync not found"; exit 1; }
  "$bin" "$@"
}

sub="${1:-up}"; shift || true
case "$sub" in
  up) cmd_install; cmd_start; cmd_env ;;
  install) cmd_install ;;
  start) cmd_start; cmd_env ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  env) cmd_env ;;
  wipe) cmd_wipe "$@" ;;
  doveadm) cmd_doveadm "$@" ;;
  imapsync) cmd_imapsync "$@" ;;
  imapsync-path) find_imapsync ;;
  conf) echo "$CONF" ;;
  *) sed -n '2,25p' "$0"; exit 2 ;;
esac
