# Sourced by ./run-tests.sh: IMAP servers that cannot be installed beside Dovecot. Cyrus IMAP and Courier-IMAP
# conflict with dovecot-imapd (all three provide imap-server), so their .debs are unpacked (dpkg -x) under
# $MM_TEST_SERVERS instead of installed; org.mailmigrator.testing.Cyrus/Courier run them from there. The
# shared libraries they load are ordinary packages without conflicts and are installed. Idempotent: a tree
# is unpacked again only when its stamp (the package versions) changes.

MM_TEST_SERVERS="${MM_TEST_SERVERS:-/opt/mailmigrator-test-servers}"
MM_CYRUS_DEBS="cyrus-imapd cyrus-common sasl2-bin"
# Cyrus's POP3 server, in a tree of its own (run with the Cyrus tree's libraries): adding it to the Cyrus list
# would unpack that tree again under the servers other test runs are using
MM_CYRUS_POP3_DEBS="cyrus-pop3d"
MM_COURIER_DEBS="courier-imap courier-base courier-authlib courier-authdaemon courier-authlib-userdb libcourier-unicode4"
# what the unpacked binaries link against (from their Depends, minus what only unused tools need)
MM_TEST_SERVER_LIBS="libpcre3 libical3 libxapian30 libjansson4 libsqlite3-0 libpq5 libwrap0 libxml2 libsasl2-modules
  libsasl2-modules-db libidn12 libgamin0 libgdbm6 libltdl7 libgnutls30 perl util-linux"

# Unpacks the packages $2.. into $MM_TEST_SERVERS/$1/root unless the same versions are there already.
mm_unpack_debs() {
  local name="$1"; shift
  local dir="$MM_TEST_SERVERS/$name" stamp versions tmp
  versions="$(apt-cache policy "$@" 2>/dev/null | awk '/Candidate:/ {print $2}' | tr '\n' ' ')"
  stamp="$dir/root/.unpacked"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$* $versions" ]; then
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "mailmigrator: $name is not unpacked under $dir (run ./run-tests.sh as root once)" >&2
    return 1
  fi
  echo "mailmigrator: unpacking $* into $dir" >&2
  tmp="$(mktemp -d)"
  chmod 755 "$tmp"
  (cd "$tmp" && { apt-get download "$@" >/dev/null 2>&1 || { apt-get update -qq && apt-get download "$@" >/dev/null; }; }) || {
    rm -rf "$tmp"; echo "mailmigrator: cannot download $*" >&2; return 1; }
  rm -rf "$dir/root"
  mkdir -p "$dir/root"
  local deb
  for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$dir/root"; done
  rm -rf "$tmp"
  echo "$* $versions" > "$stamp"
}

mm_ensure_test_servers() {
  mm_ensure_packages $MM_TEST_SERVER_LIBS
  mm_unpack_debs cyrus $MM_CYRUS_DEBS
  mm_unpack_debs cyrus-pop3 $MM_CYRUS_POP3_DEBS
  mm_unpack_debs courier $MM_COURIER_DEBS
}
