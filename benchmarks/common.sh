# Sourced by every benchmarks/*/*.sh: the preamble they all share. Sets ROOT (the repository), loads
# releng/scripts/env.sh, finds a JDK >= 21 (JAVA_HOME), changes to ROOT and sets B=bundles; then offers
# bench_build_missing and bench_classpath for the benchmarks that run test classes in a plain JVM.
# Use: source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../common.sh"
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
source "$ROOT/releng/scripts/env.sh"
mm_find_jdk
cd "$ROOT"
B=bundles

# bench_build_missing PATH MODULES: builds MODULES (comma-separated, without tests) when PATH does not exist.
bench_build_missing() {
  if [ ! -e "$1" ]; then
    echo "building $2 ..." >&2
    ./mvnw -B -q -DskipTests verify -pl "$2" >&2
  fi
}

# bench_classpath BUNDLE...: the target/classes of each bundle (short names: core, connector.imap, ...) followed
# by Jakarta Mail's jars, as a class path.
bench_classpath() {
  local cp="" bundle
  for bundle in "$@"; do
    cp="$cp$B/org.mailmigrator.$bundle/target/classes:"
  done
  printf '%s%s' "$cp" "$(mm_mail_classpath)"
}
