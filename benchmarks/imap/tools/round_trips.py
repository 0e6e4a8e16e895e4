#!/usr/bin/env python3
"""Round trips per connection from a latency_proxy.py --trace file.

    round_trips.py TRACE [--from T0] [--to T1]

A round trip is counted each time a connection's client sends after the server has sent something since the
client's previous chunk (a turn of the conversation); the connection's first chunk counts as one. Prints per
connection its turns, chunks, bytes and the first words of its commands, then the totals, and the longest
chain of turns on one connection (what a migrator waits for when its connections work in parallel).
"""
import collections
import sys


def main():
    path = sys.argv[1]
    args = sys.argv[2:]
    t0 = float(args[args.index("--from") + 1]) if "--from" in args else 0.0
    t1 = float(args[args.index("--to") + 1]) if "--to" in args else float("inf")
    turns = collections.Counter()
    verbs = collections.defaultdict(collections.Counter)
    last = {}
    byt = collections.Counter()
    for line in open(path, encoding="latin-1", newline="\n"):
        parts = line.rstrip("\n").split(" ", 4)
        if len(parts) < 4 or not parts[3].isdigit():
            continue
        t, conn, d, n = float(parts[0]), parts[1], parts[2], int(parts[3])
        if not t0 <= t <= t1:
            continue
        byt[conn, d] += n
        if d == "C":
            if last.get(conn) != "C":
                turns[conn] += 1
            words = (parts[4] if len(parts) > 4 else "").split()
            if len(words) >= 2 and not words[0].isdigit():
                verbs[conn][" ".join(w.upper() for w in words[1:3] if w.isalpha() or w.upper() == "UID")[:20]] += 1
        last[conn] = d
    for conn in sorted(turns, key=int):
        top = ", ".join("%s %d" % kv for kv in verbs[conn].most_common(6))
        print("conn %-4s turns %5d  up %9d B  down %11d B  %s" % (conn, turns[conn], byt[conn, "C"], byt[conn, "S"], top))
    print("total turns %d over %d connections, longest %d" % (sum(turns.values()), len(turns),
                                                               max(turns.values()) if turns else 0))


if __name__ == "__main__":
    main()
