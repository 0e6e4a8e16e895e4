# Shared by ./mailmigrator, ./run-tests.sh and releng/*.sh: finds a JDK >= 21 and knows where the products are.
# Sourced, not run. Never uses the machine's default Java (17 on these machines): Tycho 5 and the
# Eclipse 2026 platform need 21.

MM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MM_PRODUCTS="$MM_ROOT/releng/org.mailmigrator.repository/target/products"
MM_WORKBENCH="$MM_PRODUCTS/org.mailmigrator.workbench/linux/gtk/x86_64"
MM_HEADLESS="$MM_PRODUCTS/org.mailmigrator.headless/linux/gtk/x86_64"
MM_BUILT_MARK="$MM_PRODUCTS/.built"

# The feature version of the JDK at $1 (25 for 25.0.3, 1 for 1.8), from its release file.
mm_jdk_feature() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$v" ] || return 1
  echo "${v%%.*}"
}

# Exports JAVA_HOME: the caller's JAVA_HOME when it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm.
mm_find_jdk() {
  local best="" best_v=0 dir v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && v=$(mm_jdk_feature "$JAVA_HOME") && [ "$v" -ge 21 ]; then
    export JAVA_HOME; return 0
  fi
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] || continue
    v=$(mm_jdk_feature "$dir") || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "mailmigrator: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

# True when a product is missing or a source file is newer than the last build.
mm_needs_build() {
  [ -f "$MM_BUILT_MARK" ] && [ -d "$MM_WORKBENCH/plugins" ] && [ -d "$MM_HEADLESS/plugins" ] || return 0
  [ -n "$(find "$MM_ROOT/bundles" "$MM_ROOT/features" "$MM_ROOT/targetplatform" "$MM_ROOT/releng/org.mailmigrator.repository" \
      "$MM_ROOT/pom.xml" -type d \( -name target -o -name bin \) -prune -o \
      -newer "$MM_BUILT_MARK" -type f -not -name '.polyglot.*' -not -name '.tycho-consumer-pom.xml' -print -quit)" ]
}

# Builds both products (tests are run by ./run-tests.sh, not here).
mm_build() {
  local log
  log="$(mktemp -t mailmigrator-build.XXXXXX.log)"
  echo "mailmigrator: building the product (missing or older than the sources); log: $log" >&2
  if ! (cd "$MM_ROOT" && ./mvnw -B -DskipTests verify >"$log" 2>&1); then
    grep -E '^\[ERROR\]' "$log" | head -30 >&2
    echo "mailmigrator: build failed; full log: $log" >&2
    return 1
  fi
  rm -rf "$MM_PRODUCTS"/*/linux/gtk/x86_64/configuration/mailmigrator-*jdk*.aot \
    "$MM_PRODUCTS"/*/linux/gtk/x86_64/configuration/mailmigrator-boot-*
  touch "$MM_BUILT_MARK"
  echo "mailmigrator: build done" >&2
}

mm_ensure_built() {
  if mm_needs_build; then mm_build; fi
}

# Installs missing Debian packages ($@) when running as root; otherwise says which are missing.
mm_ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "mailmigrator: missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "mailmigrator: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What the workbench window needs on a bare Debian machine: GTK 3 (SWT's toolkit) and fonts: DejaVu for Latin,
# Greek and Cyrillic, Noto CJK and Noto Color Emoji so Japanese/Chinese/Korean and emoji folder names show
# glyphs, not boxes (GTK takes missing glyphs from any font fontconfig lists; the product bundles no font).
# libsecret-1-0: the library through which secure storage reaches the OS keyring (Preferences > Secrets); the
# keyring itself (gnome-keyring, KeePassXC) belongs to the desktop session and is not installed here.
MM_UI_PACKAGES="libgtk-3-0 fontconfig fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji libsecret-1-0"

# JVM options that make start-up faster with JDK 25's ahead-of-time cache (JEP 514/515): the first session
# records what the JVM loads and links and writes the cache when it exits (in a child JVM, a few seconds);
# later sessions start from it (workbench window ~2.8 s instead of ~3.2 s here). One cache per product and
# JDK version; the JVM ignores a cache that does not match, and mm_build deletes them with every build.
mm_aot_args() {
  local product="$1" v feature
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null)
  feature="${v%%.*}"
  [ -n "$feature" ] && [ "$feature" -ge 25 ] || return 0
  local cache="$product/configuration/mailmigrator-jdk$v.aot"
  if [ -f "$cache" ]; then
    echo "-XX:AOTCache=$cache -Xlog:aot*=off -Xlog:cds*=off"
  else
    echo "-XX:AOTCacheOutput=$cache -Xlog:aot*=off -Xlog:cds*=off"
  fi
}

# How the headless product starts: sets MM_HEADLESS_START to the words that follow the command's JVM options on the
# java command line (the AOT cache, the launcher and its arguments). $1: product folder; $2...: the command's JVM
# options (a cache is trained with the same ones: the JVM refuses one made with other GC or module options).
#
# Start-up is made of class loading, and the JDK's AOT cache (JEP 483/514/515) holds only classes of the JDK's own
# loaders from unsigned jars. The Equinox launcher loads the framework (org.eclipse.osgi, ~500 classes at start)
# through a class loader of its own from a signed jar, so neither was cached and the JDK checked both jars'
# signatures at every start (docs/imap-benchmark.md, rounds 25 and 29). Once per product build a background
# creator therefore writes (1) "boot jars": copies of the launcher and framework jars without their signature
# files, into configuration/mailmigrator-boot-<config.ini checksum>/, and (2) an AOT cache trained by `--version`
# started from them. From then on the command starts `org.eclipse.equinox.launcher.Main` from the boot jars on the
# class path with -Dosgi.frameworkParentClassloader=app: the launcher's framework loader asks the class path first,
# so the framework's classes come from the unsigned copy and from the cache. The bundles and everything else are
# the product's own files, unchanged; the boot jars are byte-for-byte the signed ones' classes (the copies are
# made from them, signature files and per-entry digests removed).
# The command itself never waits on the creator: while it runs (or when it cannot: no `jar` tool, a read-only
# product) commands start as before, from the launcher jar. Files are written under temporary names and renamed
# into place, so a process never maps a half-written one; `flock -n` lets one creator run while others start
# without it. Names carry the JDK version and a checksum of config.ini (its bundle list has every bundle's build
# qualifier), so an upgraded JDK or product uses new files and the creator deletes the stale ones. The JVM checks
# a cache itself too and ignores one that does not match (-Xlog:aot*=off,cds*=off keeps that quiet).
# MAILMIGRATOR_AOT=off: no cache and no boot jars (the launcher jar as before).
mm_headless_start() {
  local product="$1" v feature conf sum prefix boot cache form
  shift
  conf="$product/configuration"
  MM_HEADLESS_START=(-jar "$(mm_launcher_jar "$product")")
  [ "${MAILMIGRATOR_AOT:-on}" != off ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null)
  feature="${v%%.*}"
  [ -n "$feature" ] && [ "$feature" -ge 25 ] || return 0
  [ -w "$conf" ] && [ -f "$conf/config.ini" ] || return 0
  sum=$(cksum <"$conf/config.ini" | cut -d' ' -f1)
  prefix="mailmigrator-headless-jdk$v-$sum-"
  boot="$conf/mailmigrator-boot-$sum"
  form=jar
  if [ -f "$boot/launcher.jar" ] && [ -f "$boot/framework.jar" ]; then
    form=boot
    MM_HEADLESS_START=(-Dosgi.frameworkParentClassloader=app -cp "$boot/launcher.jar:$boot/framework.jar"
      org.eclipse.equinox.launcher.Main -install "$product")
  fi
  cache="$conf/$prefix$(printf '%s\n' "$form $*" | cksum | cut -d' ' -f1).aot"
  if [ -f "$cache" ]; then
    MM_HEADLESS_START=(-XX:AOTCache="$cache" -Xlog:aot*=off -Xlog:cds*=off "${MM_HEADLESS_START[@]}")
    return 0
  fi
  command -v flock >/dev/null || return 0
  (
    exec 9>"$conf/.mailmigrator-aot.lock"
    flock -n 9 || exit 0
    # without boot jars (no jar tool): a cache of the launcher jar's start, as before
    if [ "$form" = jar ] && mm_boot_jars "$product" "$boot"; then
      MM_HEADLESS_START=(-Dosgi.frameworkParentClassloader=app -cp "$boot/launcher.jar:$boot/framework.jar"
        org.eclipse.equinox.launcher.Main -install "$product")
      cache="$conf/$prefix$(printf '%s\n' "boot $*" | cksum | cut -d' ' -f1).aot"
    fi
    [ -f "$cache" ] && exit 0
    tmp="$cache.$BASHPID.tmp"
    ws="$(mktemp -d)"
    # trained under C1 alone (how short commands run): such a cache starts C1+C2 commands as fast as one trained under
    # C1+C2, but the reverse is not true (--version 0.45 against 0.55 s); the key leaves the compilers out
    # -Dmailmigrator.aotTraining: --version also loads the JDK classes a copy needs later (TLS, JDBC...), so they are
    # cached too (org.mailmigrator.cli.internal.AotTrainingClasses)
    if "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 "$@" -Dmailmigrator.aotTraining=true -XX:AOTCacheOutput="$tmp" -Xlog:aot*=off -Xlog:cds*=off "${MM_HEADLESS_START[@]}" \
        -data "$ws" --version && [ -s "$tmp" ]; then
      find "$conf" -maxdepth 1 -name 'mailmigrator-headless-jdk*.aot' ! -name "$prefix*" -delete
      mv -f "$tmp" "$cache"
    fi
    rm -rf "$tmp" "$ws"
  ) </dev/null >/dev/null 2>&1 &
  disown 2>/dev/null || true
}

# Writes the boot jars of a product (see mm_headless_start) into the folder $2, unless they are there: the launcher
# and framework jars without their signature files and without the manifests' per-entry digests (the main section,
# which Equinox and the JDK read, is kept). Made in a temporary folder renamed into place; other products' boot
# folders are deleted. Needs the JDK's jar tool. $1: product folder.
mm_boot_jars() {
  local product="$1" boot="$2" tmp src name dir
  [ -f "$boot/launcher.jar" ] && [ -f "$boot/framework.jar" ] && return 0
  [ -x "$JAVA_HOME/bin/jar" ] || return 1
  tmp="$boot.$BASHPID.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp" || return 1
  for name in launcher framework; do
    if [ "$name" = launcher ]; then src="$(mm_launcher_jar "$product")"; else
      src=$(ls "$product"/plugins/org.eclipse.osgi_*.jar 2>/dev/null | head -1); fi
    [ -f "$src" ] || { rm -rf "$tmp"; return 1; }
    dir="$tmp/$name.d"
    mkdir "$dir" && (cd "$dir" && "$JAVA_HOME/bin/jar" xf "$src") || { rm -rf "$tmp"; return 1; }
    rm -f "$dir"/META-INF/*.SF "$dir"/META-INF/*.RSA "$dir"/META-INF/*.DSA "$dir"/META-INF/*.EC
    # the main section only: the per-entry digests served the signature, which is gone
    awk '/^\r?$/ { exit } { print }' "$dir/META-INF/MANIFEST.MF" >"$tmp/$name.mf" && rm "$dir/META-INF/MANIFEST.MF" &&
      "$JAVA_HOME/bin/jar" --create --file "$tmp/$name.jar" --manifest "$tmp/$name.mf" -C "$dir" . &&
      rm -rf "$dir" "$tmp/$name.mf" || { rm -rf "$tmp"; return 1; }
  done
  find "$(dirname "$boot")" -maxdepth 1 -name 'mailmigrator-boot-*' ! -name "$(basename "$boot")*" -exec rm -rf {} +
  mv -T "$tmp" "$boot" 2>/dev/null || { rm -rf "$tmp"; [ -f "$boot/framework.jar" ]; }
}

# >>> mm_jit_choice (the same text in releng/scripts/env.sh and releng/scripts/mailmigrator-headless; check-deploy.sh
# compares them). Prints the JIT options of a headless command line (its collector: mm_gc_choice, below), words to
# split without pathname expansion
# (docs/imap-benchmark.md, "C1 only for the headless product", rounds 29, 30 and 36):
# - C1 alone (-XX:TieredStopAtLevel=1) for short commands and for copies that use no TLS at all, which spend a third
#   less CPU without C2 (a 20k-message plaintext copy: 7.7 instead of 12.2 CPU-s);
# - C1, and C2 only for the JDK's cryptography and digests (mm_jit_c2_for_crypto), for everything that may use TLS and
#   for the long-lived worker and batch run: C1 alone costs 3-4x the CPU there (AES-GCM without C2's intrinsics: a
#   4k-message imaps:// copy 29 instead of 8 CPU-s), while C2 on all code spends 5-6 CPU-s compiling in the first
#   20 s of a batch (round 36: an 8-row batch 19.4-21.6 CPU-s with C2 everywhere, 15.9-18.5 with C2 for crypto only).
# A migrate is taken as TLS-free only when --allow-plaintext is given and every --source/--target is imap://, pop3://,
# an http:// DAV URL or a path.
mm_jit_choice() {
  case "${1:-}" in
    worker) mm_jit_c2_for_crypto; return 0 ;;
    batch) if [ "${2:-}" = run ]; then mm_jit_c2_for_crypto; else echo "-XX:TieredStopAtLevel=1"; fi; return 0 ;;
    migrate) ;;
    *) echo "-XX:TieredStopAtLevel=1"; return 0 ;;
  esac
  _plain="" _next="" _url=""
  for _a in "$@"; do
    _url=""
    if [ -n "$_next" ]; then _url="$_a"; _next=""; fi
    case "$_a" in
      --allow-plaintext) _plain=1 ;;
      --source | --target) _next=1 ;;
      --source=* | --target=*) _url="${_a#*=}" ;;
    esac
    [ -n "$_url" ] || continue
    case "$_url" in
      *s://*) mm_jit_c2_for_crypto; return 0 ;;     # a TLS scheme
      imap://* | pop3://* | http://* | *+http://*) ;;
      *://* | *@*) mm_jit_c2_for_crypto; return 0 ;; # another scheme (ews+, graph+...) or an address to detect: maybe TLS
      *) ;;                                         # a file or folder
    esac
  done
  if [ -n "$_plain" ]; then echo "-XX:TieredStopAtLevel=1"; else mm_jit_c2_for_crypto; fi
  return 0
}
# C2 for the JDK's ciphers, digests and big-number, elliptic-curve, Base64 and checksum code (where its intrinsics
# are: AES-GCM, GHASH, ChaCha20-Poly1305, SHA-1/2, Montgomery multiplication, ...), C1 alone for every other method:
# a C2 node limit of 0 makes C2 give up on a method at once ("retry at different tier"), after which the tiered policy
# compiles it with C1 without profiling, as -XX:TieredStopAtLevel=1 would. The later CompileCommand of a method wins, so
# the JDK's packages listed last keep C2's default limit. CompileCommand=quiet keeps the JVM from printing the commands
# (a -XX:CompilerDirectivesFile would say "N compiler directives added" on standard output at every start).
mm_jit_c2_for_crypto() {
  printf '%s ' -XX:CompileCommand=quiet '-XX:CompileCommand=MaxNodeLimit,*.*,0'
  for _p in 'com/sun/crypto/provider/*.*' 'sun/security/provider/*.*' 'sun/security/util/math/intpoly/*.*' \
    'sun/security/ec/*.*' 'java/math/BigInteger.*' 'java/util/Base64*.*' 'java/util/zip/*.*'; do
    printf '%s ' "-XX:CompileCommand=MaxNodeLimit,$_p,80000"
  done
  echo
}
# The collector: the serial one for everything but the long-lived `batch run` and `worker` (docs/imap-benchmark.md,
# round 39). On this project's 2-core machines the JVM picks G1, whose barriers and concurrent threads cost one
# mailbox pair's copy ~0.6 CPU-s of ~8.5 (20k messages) and a third more RSS; with 8 pairs at once in one JVM the serial
# collector saved nothing and took more memory, so those keep the JVM's choice. Nothing when MAILMIGRATOR_VMARGS,
# JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS name a collector (two stop the JVM: "Multiple garbage collectors selected").
mm_gc_choice() {
  case " ${MAILMIGRATOR_VMARGS:-} ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-} " in *" -XX:+Use"*GC*) return 0 ;; esac
  case "${1:-}" in
    worker) return 0 ;;
    batch) if [ "${2:-}" = run ]; then return 0; fi ;;
  esac
  echo "-XX:+UseSerialGC"
}
# <<< mm_jit_choice

# The newest jar of the local Maven repository matching a path pattern (benchmarks build their class paths
# from the jars the build downloaded).
mm_m2_jar() {
  local j
  j=$(ls -d ${MAVEN_REPO:-$HOME/.m2/repository}/$1 2>/dev/null | sort -V | tail -1)
  [ -n "$j" ] || { echo "missing $1 (build the project first)" >&2; return 1; }
  echo "$j"
}

# Class path of Jakarta Mail with Angus and H2: what the engine and the IMAP connector need outside OSGi.
mm_mail_classpath() {
  local cp=""
  cp="$(mm_m2_jar jakarta/mail/jakarta.mail-api/2.1.5/jakarta.mail-api-2.1.5.jar)" || return 1
  cp="$cp:$(mm_m2_jar org/eclipse/angus/angus-mail/2.0.5/angus-mail-2.0.5.jar)" || return 1
  cp="$cp:$(mm_m2_jar 'org/eclipse/angus/angus-activation/2.*/angus-activation-2.*.jar')" || return 1
  cp="$cp:$(mm_m2_jar 'jakarta/activation/jakarta.activation-api/2.*/jakarta.activation-api-2.*.jar')" || return 1
  cp="$cp:$(mm_m2_jar com/h2database/h2/2.5.252/h2-2.5.252.jar)" || return 1
  echo "$cp"
}

# The Equinox launcher jar of a product folder.
mm_launcher_jar() {
  local jar
  for jar in "$1"/plugins/org.eclipse.equinox.launcher_*.jar; do echo "$jar"; return 0; done
  return 1
}
