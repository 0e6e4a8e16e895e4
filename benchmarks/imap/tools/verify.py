#!/usr/bin/env python3
"""Compare a source and a destination mailbox over IMAP; exit non-zero on any loss.

    verify.py --src-user src --dst-user dst1 [--src-host .. --src-port .. --dst-host ..] [--body] [--json out.json]

Per selectable folder of the source it fetches, for every message,
RFC822.SIZE, FLAGS, INTERNALDATE and the full header block (or, with --body,
the whole message) and builds a fingerprint = sha1(header block | whole message)
+ size. Source and destination folders are compared as multisets of
fingerprints, so legitimate duplicates in the source must appear the same number
of times in the destination. Matched occurrences are paired (sorted by
INTERNALDATE, flags) and their flags (\\Recent ignored, case-insensitive) and
INTERNALDATE (as an instant, zone-independent) compared.

Categories: missing (in src, not in dst), dup (more copies in dst than src),
extra (fingerprint not in src at all), modified (a missing+extra pair sharing a
Message-ID, or lacking one the INTERNALDATE: content/header changed in transit),
flag_diff, date_diff, missing_folders.
Warnings only: extra_folders (dst-only), subscription differences,
\\Noselect differences.

Exit 0 = PASS, 1 = FAIL (any category above > 0), 2 = error. One summary line on
stdout; details (first --show examples per category) on stderr.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imapmini import Conn, parse_internaldate  # noqa: E402

MID_RE = re.compile(rb"^message-id:[ \t]*(.*(?:\r\n[ \t].*)*)", re.I | re.M)


def strip_headers(blob, names):
    """blob without the header fields NAMES (lower-case bytes) of its header block: returns (blob, bytes removed)."""
    if not names:
        return blob, 0
    head, sep, rest = blob.partition(b"\r\n\r\n")
    out, removed, skipping = [], 0, False
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and skipping:
            removed += len(line) + 2
            continue
        skipping = line.split(b":", 1)[0].strip().lower() in names
        if skipping:
            removed += len(line) + 2
        else:
            out.append(line)
    if not out and sep:  # every field removed: what is left is the empty line that ends the header block
        return b"\r\n" + rest, removed
    return b"\r\n".join(out) + sep + rest, removed


def snapshot(host, port, tls, user, password, body=False, chunk=2000, strip=()):
    c = Conn(host, port, tls=tls)
    c.login(user, password)
    lst = c.list()
    subs = {n for _, _, n in c.list(cmd=b"LSUB")}
    folders, noselect = {}, set()
    nbytes = 0
    item = b"BODY.PEEK[]" if body else b"BODY.PEEK[HEADER]"
    key_item = b"BODY[]" if body else b"BODY[HEADER]"
    for flags, sep, name in lst:
        if "\\noselect" in flags or "\\nonexistent" in flags:
            noselect.add(name)
            continue
        exists = c.select(name)
        msgs = []
        if exists:
            for d in c.fetch_iter(b"1:*", b"(UID RFC822.SIZE FLAGS INTERNALDATE " + item + b")"):
                blob = d.get(key_item) or b""
                size = int(d[b"RFC822.SIZE"])
                nbytes += size
                blob, removed = strip_headers(blob, strip)
                size -= removed
                hdr = blob if not body else blob.split(b"\r\n\r\n", 1)[0]
                m = MID_RE.search(hdr)
                mid = re.sub(rb"\s+", b"", m.group(1)).decode("utf-8", "replace") if m else None
                fl = frozenset(f.decode("utf-8", "replace").lower() for f in (d.get(b"FLAGS") or [])
                               if f.lower() != b"\\recent")
                msgs.append({"key": hashlib.sha1(blob).hexdigest()[:24] + ":%d" % size, "mid": mid,
                             "flags": fl, "idate": parse_internaldate(d[b"INTERNALDATE"]),
                             "uid": int(d[b"UID"]), "size": size})
        folders[name] = msgs
    c.logout()
    return {"folders": folders, "subs": subs, "noselect": noselect, "bytes": nbytes}


def snapshot_manifest(corpus):
    """Expected state straight from a gen_corpus.py corpus (checks the loader / a destination vs the corpus)."""
    meta = json.load(open(os.path.join(corpus, "folders.json"), encoding="utf-8"))["folders"]
    folders = {f["name"]: [] for f in meta}
    subs = {f["name"] for f in meta if f["subscribed"]}
    nbytes = 0
    cache = {}
    for k, line in enumerate(open(os.path.join(corpus, "manifest.jsonl"), encoding="utf-8")):
        e = json.loads(line)
        if e["file"] not in cache:
            data = open(os.path.join(corpus, e["file"]), "rb").read()
            # BODY[HEADER] as a server sends it: up to the empty line, which is all of it when the message
            # starts with one (no header fields: mbox "From " ambiguities)
            hdr = b"\r\n" if data.startswith(b"\r\n") else data.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
            m = MID_RE.search(hdr)
            mid = re.sub(rb"\s+", b"", m.group(1)).decode("utf-8", "replace") if m else None
            cache = {e["file"]: (hashlib.sha1(hdr).hexdigest()[:24] + ":%d" % len(data), mid)}
        key, mid = cache[e["file"]]
        nbytes += e["size"]
        folders.setdefault(e["folder"], []).append({
            "key": key, "mid": mid, "flags": frozenset(f.lower() for f in e["flags"]),
            "idate": e["epoch"], "uid": k + 1, "size": e["size"]})
    # implicit parents (e.g. "Clients" of "Clients/ACME Corp") are \Noselect on the server
    noselect = set()
    for name in list(folders):
        parts = name.split("/")
        for i in range(1, len(parts)):
            p = "/".join(parts[:i])
            if p not in folders:
                noselect.add(p)
    return {"folders": folders, "subs": subs, "noselect": noselect, "bytes": nbytes}


def compare(S, D, ignore_flags=False, ignore_dates=False, show=5):
    res = collections.Counter()
    ex = collections.defaultdict(list)
    flag_lost, flag_added = collections.Counter(), collections.Counter()
    date_deltas = collections.Counter()
    per_folder = {}

    def note(cat, msg):
        if len(ex[cat]) < show:
            ex[cat].append(msg)

    for name, smsgs in S["folders"].items():
        res["src_msgs"] += len(smsgs)
        dmsgs = D["folders"].get(name)
        if dmsgs is None:
            res["missing_folders"] += 1
            res["missing"] += len(smsgs)
            note("missing_folders", "%s (%d msgs)" % (name, len(smsgs)))
            per_folder[name] = (len(smsgs), None)
            continue
        per_folder[name] = (len(smsgs), len(dmsgs))
        bs, bd = collections.defaultdict(list), collections.defaultdict(list)
        for m in smsgs:
            bs[m["key"]].append(m)
        for m in dmsgs:
            bd[m["key"]].append(m)
        missing_l, extra_l = [], []
        for k in set(bs) | set(bd):
            a, b = bs.get(k, []), bd.get(k, [])
            if len(a) > len(b):
                res["missing"] += len(a) - len(b)
                missing_l.extend(a[len(b):])
            if len(b) > len(a):
                if a:
                    res["dup"] += len(b) - len(a)
                    note("dup", "%s mid=%s x%d (src x%d)" % (name, b[0]["mid"], len(b), len(a)))
                else:
                    res["extra"] += len(b)
                    extra_l.extend(b)
            srt = lambda m: (m["idate"], sorted(m["flags"]))  # noqa: E731
            for x, y in zip(sorted(a, key=srt), sorted(b, key=srt)):
                if not ignore_flags and x["flags"] != y["flags"]:
                    res["flag_diff"] += 1
                    for f in x["flags"] - y["flags"]:
                        flag_lost[f] += 1
                    for f in y["flags"] - x["flags"]:
                        flag_added[f] += 1
                    note("flag_diff", "%s mid=%s src=%s dst=%s" % (name, x["mid"], sorted(x["flags"]), sorted(y["flags"])))
                if not ignore_dates and x["idate"] != y["idate"]:
                    res["date_diff"] += 1
                    date_deltas[y["idate"] - x["idate"]] += 1
                    note("date_diff", "%s mid=%s src=%d dst=%d (%+ds)" % (name, x["mid"], x["idate"], y["idate"],
                                                                           y["idate"] - x["idate"]))
        # a missing and an extra message that share a Message-ID (or, lacking one, the INTERNALDATE)
        # are one message altered in transit (headers added/changed), not a loss plus a stray.
        for keyf in (lambda m: m["mid"], lambda m: ("idate", m["idate"])):
            pool = collections.defaultdict(list)
            for m in extra_l:
                if keyf(m) is not None:
                    pool[keyf(m)].append(m)
            rest = []
            for m in missing_l:
                kk = keyf(m)
                if kk is not None and pool.get(kk):
                    y = pool[kk].pop()
                    extra_l.remove(y)
                    res["modified"] += 1
                    res["missing"] -= 1
                    res["extra"] -= 1
                    note("modified", "%s uid=%d->%d mid=%s->%s size %d->%d" % (
                        name, m["uid"], y["uid"], m["mid"], y["mid"], m["size"], y["size"]))
                else:
                    rest.append(m)
            missing_l = rest
        for m in missing_l:
            note("missing", "%s uid=%d mid=%s size=%d" % (name, m["uid"], m["mid"], m["size"]))
        for m in extra_l:
            note("extra", "%s uid=%d mid=%s size=%d" % (name, m["uid"], m["mid"], m["size"]))
        res["dst_msgs_matched_folders"] += len(dmsgs)
    for name, dmsgs in D["folders"].items():
        if name not in S["folders"]:
            res["extra_folders"] += 1
            res["extra_folder_msgs"] += len(dmsgs)
            note("extra_folders", "%s (%d msgs)" % (name, len(dmsgs)))
    ssubs, dsubs = S["subs"], D["subs"]
    res["subs_missing"] = len(ssubs - dsubs)
    res["subs_extra"] = len(dsubs - ssubs)
    if ssubs != dsubs:
        note("subs", "missing=%s extra=%s" % (sorted(ssubs - dsubs)[:5], sorted(dsubs - ssubs)[:5]))
    res["dst_msgs"] = sum(len(v) for v in D["folders"].values())
    return res, ex, flag_lost, flag_added, date_deltas, per_folder


FAIL_CATS = ["missing", "dup", "extra", "modified", "flag_diff", "date_diff", "missing_folders"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pw = os.environ.get("TESTBED_PASSWORD", "testpass")
    for side in ("src", "dst"):
        ap.add_argument("--%s-host" % side, default="127.0.0.1")
        ap.add_argument("--%s-port" % side, type=int, default=10143)
        ap.add_argument("--%s-tls" % side, choices=["ssl", "starttls"], default=None)
        ap.add_argument("--%s-user" % side, required=(side == "dst"))
        ap.add_argument("--%s-password" % side, default=pw)
    ap.add_argument("--src-manifest", metavar="CORPUS_DIR", help="compare dst against a gen_corpus.py corpus instead of a src user")
    ap.add_argument("--body", action="store_true", help="fingerprint whole messages (byte-exact) instead of headers+size")
    ap.add_argument("--ignore-flags", action="store_true")
    ap.add_argument("--ignore-dates", action="store_true")
    ap.add_argument("--strict-folders", action="store_true", help="dst-only folders fail too")
    ap.add_argument("--show", type=int, default=5, help="examples per category on stderr")
    ap.add_argument("--per-folder", action="store_true")
    ap.add_argument("--label", default="")
    ap.add_argument("--json")
    ap.add_argument("--strip-header", action="append", default=[], metavar="NAME",
                    help="drop this header field from destination messages before comparing (mbsync adds X-TUID)")
    a = ap.parse_args()
    strip = tuple(h.lower().encode() for h in a.strip_header)
    t0 = time.time()
    try:
        if a.src_manifest:
            if a.body:
                raise SystemExit("--body is not supported with --src-manifest")
            S = snapshot_manifest(a.src_manifest)
            a.src_user = "manifest:" + os.path.basename(os.path.normpath(a.src_manifest))
        else:
            S = snapshot(a.src_host, a.src_port, a.src_tls, a.src_user, a.src_password, a.body)
        D = snapshot(a.dst_host, a.dst_port, a.dst_tls, a.dst_user, a.dst_password, a.body, strip=strip)
    except Exception as e:  # noqa: BLE001
        print("VERIFY ERROR %s: %s" % (a.label, e))
        return 2
    res, ex, lost, added, deltas, per_folder = compare(S, D, a.ignore_flags, a.ignore_dates, a.show)
    fails = FAIL_CATS + (["extra_folders"] if a.strict_folders else [])
    ok = all(res[c] == 0 for c in fails)
    for cat, lines in ex.items():
        for l in lines:
            print("  %-15s %s" % (cat, l), file=sys.stderr)
    if lost or added:
        print("  flags lost in dst: %s ; flags added in dst: %s" % (dict(lost), dict(added)), file=sys.stderr)
    if deltas:
        print("  internaldate deltas (dst-src seconds: count): %s" % dict(deltas.most_common(8)), file=sys.stderr)
    if a.per_folder:
        for name, (ns, nd) in sorted(per_folder.items()):
            mark = "" if ns == nd else "  <--"
            print("  %-40s src=%5d dst=%5s%s" % (name, ns, nd, mark), file=sys.stderr)
    line = ("VERIFY %s%s src=%s dst=%s folders=%d/%d msgs=%d/%d missing=%d dup=%d extra=%d modified=%d "
            "flag_diff=%d date_diff=%d missing_folders=%d | warn: extra_folders=%d subs_missing=%d subs_extra=%d "
            "[%s, %.1fs]") % (
        "PASS" if ok else "FAIL", (" " + a.label) if a.label else "", a.src_user, a.dst_user,
        len(S["folders"]) - res["missing_folders"], len(S["folders"]), res["src_msgs"], res["dst_msgs"],
        res["missing"], res["dup"], res["extra"], res["modified"], res["flag_diff"], res["date_diff"],
        res["missing_folders"], res["extra_folders"], res["subs_missing"], res["subs_extra"],
        "body-sha1" if a.body else "header-sha1+size", time.time() - t0)
    print(line)
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({"pass": ok, "line": line, "counts": dict(res), "flags_lost": dict(lost),
                       "flags_added": dict(added), "date_deltas": {str(k): v for k, v in deltas.items()},
                       "examples": ex, "src_bytes": S["bytes"], "dst_bytes": D["bytes"],
                       "src_folders": len(S["folders"])}, fh, indent=1,
                      ensure_ascii=False)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
