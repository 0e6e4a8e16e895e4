#!/usr/bin/env bash
# Checks the deployment files of docs/deployment.md against the built headless product: the installed launcher
# (releng/scripts/mailmigrator-headless) starts the product as the image and the systemd unit start it; the Dockerfile
# copies only paths that exist and its ignore file lets them through; the image is built and run when a Docker daemon
# answers (otherwise said); the Kubernetes manifests parse and name what the worker needs; the systemd unit has the
# keys it needs (and passes systemd-analyze verify when that tool can run). Prints "check-deploy: ok" last.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/env.sh"
cd "$MM_ROOT"
mm_find_jdk
fail() { echo "check-deploy: FAIL $*"; exit 1; }

# the launcher of an installed product, from a copy of the product outside the checkout
home="$(mktemp -d)"; trap 'rm -rf "$home"' EXIT
cp -r "$MM_HEADLESS"/. "$home/product"
cp releng/scripts/logging.properties "$home/product/"
out=$(MM_HOME="$home/product" MAILMIGRATOR_WORKSPACE="$home/ws" releng/scripts/mailmigrator-headless --version 2>&1) \
  || fail "mailmigrator-headless --version: $out"
grep -q "Mail Migrator Workbench" <<<"$out" || fail "mailmigrator-headless --version printed: $out"
out=$(MM_HOME="$home/product" MAILMIGRATOR_WORKSPACE="$home/ws" releng/scripts/mailmigrator-headless worker --help 2>&1) \
  || fail "worker --help: $out"
grep -q -- "--heartbeat-file" <<<"$out" || fail "worker --help does not offer --heartbeat-file: $out"
out=$(MM_HOME="$home/none" releng/scripts/mailmigrator-headless --version 2>&1) && fail "no product, yet exit 0"
grep -q "no headless product in" <<<"$out" || fail "no product said: $out"

# the JIT choice (mm_jit_choice): one text in ./mailmigrator's env.sh and the installed launcher, and its answers
block() { sed -n '/^# >>> mm_jit_choice/,/^# <<< mm_jit_choice/p' "$1"; }
[ -n "$(block releng/scripts/env.sh)" ] && [ "$(block releng/scripts/env.sh)" = "$(block releng/scripts/mailmigrator-headless)" ] \
  || fail "mm_jit_choice differs between releng/scripts/env.sh and releng/scripts/mailmigrator-headless"
while IFS='|' read -r want cmd; do
  # shellcheck disable=SC2086  # the command line's words
  got=$(sh -c '. /dev/stdin; mm_jit_choice "$@"' sh $cmd < <(block releng/scripts/mailmigrator-headless)) || fail "mm_jit_choice $cmd"
  case "$got" in
    -XX:TieredStopAtLevel=1) kind=C1 ;;
    "-XX:CompileCommand=quiet -XX:CompileCommand=MaxNodeLimit,*.*,0 "*com/sun/crypto/provider/*) kind=C2crypto ;;
    *) kind="'$got'" ;;
  esac
  [ "$kind" = "$want" ] || fail "JIT choice for '$cmd': $kind, expected $want"
done <<'CASES'
C1|--version
C1|batch import rows.csv
C2crypto|batch run rows
C2crypto|worker --store postgresql://mm@db/mm
C1|migrate --source imap://u@h:143 --target imap://v@h:143 --allow-plaintext
C1|migrate --source=pop3://u@h --target=imap://v@h --allow-plaintext
C1|migrate --source /tmp/mail.mbox --target imap://v@h --allow-plaintext
C2crypto|migrate --source imap://u@h:143 --target imap://v@h:143
C2crypto|migrate --source imap://u@h:143 --target imaps://v@h --allow-plaintext
C2crypto|migrate --source=imaps://u@h --target=imap://v@h --allow-plaintext
C2crypto|migrate --source alice@gmail.com --target imap://v@h --allow-plaintext
C2crypto|migrate --source ews+https://h/EWS/Exchange.asmx --target imap://v@h --allow-plaintext
CASES

# the collector (mm_gc_choice): serial but for batch run and worker, nothing when the user's JVM options name one
while IFS='|' read -r want vmargs cmd; do
  # shellcheck disable=SC2086  # the command line's words
  got=$(env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS MAILMIGRATOR_VMARGS="$vmargs" \
    sh -c '. /dev/stdin; mm_gc_choice "$@"' sh $cmd < <(block releng/scripts/mailmigrator-headless)) || fail "mm_gc_choice $cmd"
  [ "$got" = "$want" ] || fail "collector for '$cmd' (MAILMIGRATOR_VMARGS='$vmargs'): '$got', expected '$want'"
done <<'CASES'
-XX:+UseSerialGC||--version
-XX:+UseSerialGC||batch import rows.csv
-XX:+UseSerialGC||migrate --source imap://u@h:143 --target imaps://v@h
-XX:+UseSerialGC|-Xmx128m|migrate --source imap://u@h:143 --target imap://v@h:143 --allow-plaintext
||batch run rows
||worker --store postgresql://mm@db/mm
|-Xmx2g -XX:+UseG1GC|migrate --source imap://u@h:143 --target imap://v@h:143 --allow-plaintext
|-XX:+UseParallelGC|--version
CASES
# a collector named by the user starts (two collectors on one command line would stop the JVM)
out=$(MAILMIGRATOR_VMARGS="-XX:+UseG1GC" MM_HOME="$home/product" MAILMIGRATOR_WORKSPACE="$home/ws" \
  releng/scripts/mailmigrator-headless --version 2>&1) || fail "--version with MAILMIGRATOR_VMARGS=-XX:+UseG1GC: $out"
out=$(JAVA_TOOL_OPTIONS="-XX:+UseParallelGC" MM_HOME="$home/product" MAILMIGRATOR_WORKSPACE="$home/ws" \
  releng/scripts/mailmigrator-headless --version 2>&1) || fail "--version with JAVA_TOOL_OPTIONS=-XX:+UseParallelGC: $out"

# ... and what the JVM does with the C2crypto options: C2 compiles the JDK's SHA-256 (its intrinsic), and gives up at
# once on a hot method of ours, which C1 then compiles without profiling (level 1) - not C2 on all code, not C1 alone
jit="$(mktemp -d)"
cat >"$jit/JitCheck.java" <<'JAVA'
public class JitCheck {
    static int mix(int i) { return (i * 31) ^ (i >>> 3); }
    public static void main(String[] args) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[8192];
        long sum = 0;
        for (int i = 0; i < 40_000; i++) { sha.update(block); sum += mix(i); }
        System.out.println(sum + sha.digest()[0]);
    }
}
JAVA
read -r -a c2crypto <<<"$(sh -c '. /dev/stdin; mm_jit_choice worker' < <(block releng/scripts/mailmigrator-headless))"
"$JAVA_HOME/bin/javac" -d "$jit" "$jit/JitCheck.java" || fail "javac JitCheck"
"$JAVA_HOME/bin/java" "${c2crypto[@]}" -XX:+PrintCompilation -cp "$jit" JitCheck >"$jit/out" 2>&1 || fail "java with ${c2crypto[*]}"
grep -Eq '^ *[0-9]+ +[0-9]+ +[ %!sbn]*4 +sun\.security\.provider\.(SHA2|DigestBase)::implCompress' "$jit/out" \
  || fail "the JDK's SHA-256 was not compiled by C2 under the C2crypto options"
grep -Eq ' 4 +JitCheck::mix .*COMPILE SKIPPED' "$jit/out" || fail "C2 did not give up on JitCheck::mix"
grep -Eq '^ *[0-9]+ +[0-9]+ +[ %!sbn]*1 +JitCheck::mix ' "$jit/out" || fail "C1 did not compile JitCheck::mix at level 1"
grep -Eq 'CompileCommand|compiler directives' "$jit/out" && fail "the JVM printed its compile commands"
rm -rf "$jit"
echo "check-deploy: JIT options: C2 for the JDK's digests, C1 for the rest"

# Dockerfile: every COPY source exists and is let through by the ignore file
python3 - <<'PY' || fail "Dockerfile"
import fnmatch, os, sys
lines = [l.strip() for l in open("releng/docker/Dockerfile") if l.strip() and not l.startswith("#")]
ignore = [l.strip() for l in open("releng/docker/Dockerfile.dockerignore") if l.strip() and not l.startswith("#")]
def kept(path):
    keep = True
    for pat in ignore:
        neg = pat.startswith("!")
        p = pat[1:] if neg else pat
        if fnmatch.fnmatch(path, p.rstrip("/")) or fnmatch.fnmatch(path, p.rstrip("/") + "/*") or path.startswith(p.rstrip("/") + "/"):
            keep = neg
    return keep
assert lines[0].startswith("FROM "), "the first instruction is FROM"
copies = [l.split()[1:-1] for l in lines if l.startswith("COPY ")]
assert copies, "no COPY"
for srcs in copies:
    for s in srcs:
        assert os.path.exists(s), "COPY source missing: " + s
        assert kept(s.rstrip("/")), "COPY source ignored by Dockerfile.dockerignore: " + s
assert any(l.startswith("ENTRYPOINT ") for l in lines), "no ENTRYPOINT"
print("check-deploy: Dockerfile copies", sum(len(c) for c in copies), "existing paths")
PY
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  docker build -q -f releng/docker/Dockerfile -t mailmigrator-worker:check . >/dev/null || fail "docker build"
  docker run --rm mailmigrator-worker:check --version | grep -q "Mail Migrator Workbench" || fail "docker run --version"
  echo "check-deploy: image built and run"
else
  echo "check-deploy: no Docker daemon here: the image is not built (its files are checked above)"
fi

# Kubernetes: the manifests parse; the Deployment runs `worker --store` with the Secret's URL and password, the
# vault key mounted where MAILMIGRATOR_SECRETS_KEY points, a liveness probe on the heartbeat file it passes
python3 - <<'PY' || fail "Kubernetes manifests"
import yaml
docs = {}
for f in ("worker.yaml", "secret.example.yaml", "kustomization.yaml"):
    for d in yaml.safe_load_all(open("releng/kubernetes/" + f)):
        docs[d["kind"]] = d
dep, secret = docs["Deployment"], docs["Secret"]
for r in docs["Kustomization"]["resources"]:
    open("releng/kubernetes/" + r).close()
pod = dep["spec"]["template"]["spec"]
c = pod["containers"][0]
args = c["args"]
assert args[0] == "worker" and args[args.index("--store") + 1] == "$(MAILMIGRATOR_STORE)", args
env = {e["name"]: e for e in c["env"]}
for name, key in (("MAILMIGRATOR_STORE", "store-url"), ("PGPASSWORD", "store-password")):
    ref = env[name]["valueFrom"]["secretKeyRef"]
    assert ref["name"] == secret["metadata"]["name"] and key in secret["stringData"], name
heartbeat = args[args.index("--heartbeat-file") + 1]
assert heartbeat in " ".join(c["livenessProbe"]["exec"]["command"]), "the probe checks another file"
key = env["MAILMIGRATOR_SECRETS_KEY"]["value"]
mounts = {m["name"]: m["mountPath"] for m in c["volumeMounts"]}
vols = {v["name"]: v for v in pod["volumes"]}
vol = [n for n, v in vols.items() if "secret" in v and key.startswith(mounts.get(n, "?") + "/")]
assert vol, "the vault key " + key + " is not mounted from the Secret"
assert key.rsplit("/", 1)[1] in [i["path"] for i in vols[vol[0]]["secret"]["items"]]
assert dep["spec"]["selector"]["matchLabels"].items() <= dep["spec"]["template"]["metadata"]["labels"].items()
assert pod["terminationGracePeriodSeconds"] >= 30
print("check-deploy: Kubernetes manifests ok")
PY
if command -v kubectl >/dev/null && kubectl kustomize releng/kubernetes >/dev/null 2>&1; then
  echo "check-deploy: kubectl kustomize renders releng/kubernetes"
fi

# systemd: the keys the worker needs; systemd-analyze verify where it can run (it needs the ExecStart program)
unit=releng/systemd/mailmigrator-worker.service
for k in "ExecStart=/usr/local/bin/mailmigrator-headless worker --store" "KillSignal=SIGTERM" "SuccessExitStatus=7" \
    "EnvironmentFile=" "Restart=on-failure"; do
  grep -q -- "^$k" "$unit" || fail "$unit has no $k"
done
echo "check-deploy: ok"
