#!/usr/bin/env python3
"""Runs a command and reports the CPU time of each of its threads, grouped by thread name.

    thread_cpu.py OUT -- COMMAND [ARGS...]

Every 50 ms it reads /proc/PID/task/TID/stat of the command and of every process started under it, keeping
the last user+system time seen for each thread; when the command ends it writes to OUT one line per thread
name (digits at the end folded: "GC Thread#0" and "GC Thread#1" count as "GC Thread#"), most CPU first.
Unlike a Java profiler's samples this counts every thread: the JIT compiler, the garbage collector, and time
spent in the kernel on a thread's behalf. What a thread spent after the last read before it ended is not
attributed to a name: it is the "(ended threads)" line (from the process's own total, which includes it).
Linux truncates thread names to 15 characters ("mailmigrator-fo" is a folder worker). Exits with the
command's exit code.
"""
import collections
import os
import re
import subprocess
import sys
import time


def stat(path):
    text = open(path).read()
    return text[text.index("(") + 1:text.rindex(")")], text.rsplit(")", 1)[1].split()


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    out, cmd = sys.argv[1], sys.argv[3:]
    tick = os.sysconf("SC_CLK_TCK")
    child = subprocess.Popen(cmd)
    pids, last, procs = {child.pid}, {}, {}
    while True:
        done = child.poll() is not None
        for d in os.listdir("/proc"):
            if d.isdigit() and int(d) not in pids:
                try:
                    if int(stat("/proc/%s/stat" % d)[1][1]) in pids:  # field 4: the parent's pid
                        pids.add(int(d))
                except (OSError, ValueError, IndexError):
                    pass
        for pid in list(pids):
            try:  # a process's own times include its threads that already ended
                f = stat("/proc/%d/stat" % pid)[1]
                procs[pid] = int(f[11]) + int(f[12])
            except (OSError, ValueError, IndexError):
                pass
            try:
                tids = os.listdir("/proc/%d/task" % pid)
            except OSError:
                continue
            for tid in tids:
                try:
                    name, f = stat("/proc/%d/task/%s/stat" % (pid, tid))
                    last[(pid, tid)] = (name, int(f[11]) + int(f[12]))  # utime + stime, in clock ticks
                except (OSError, ValueError, IndexError):
                    pass
        if done:
            break
        time.sleep(0.05)
    by_name = collections.Counter()
    for name, ticks in last.values():
        by_name[re.sub(r"[0-9]+$", "#", name)] += ticks
    with open(out, "w") as f:
        f.write("%-16s %8s\n" % ("thread", "cpu s"))
        for name, ticks in by_name.most_common():
            if ticks:
                f.write("%-16s %8.2f\n" % (name, ticks / tick))
        seen = sum(by_name.values())
        f.write("%-16s %8.2f\n" % ("(ended threads)", max(0, sum(procs.values()) - seen) / tick))
        f.write("%-16s %8.2f\n" % ("(all)", max(seen, sum(procs.values())) / tick))
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
