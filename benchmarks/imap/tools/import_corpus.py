#!/usr/bin/env python3
"""A corpus of your own mail for the benchmark: converts mailbox files into the form tools/gen_corpus.py
writes and loads (msgs/NNNNNN.eml, manifest.jsonl, folders.json, summary.json), so that wan.sh -c runs the
product and the anchors on it as on a generated corpus.

    import_corpus.py --from PATH [--from PATH ...] --out DIR

PATH (mbox and MH read with Python's own mailbox module; Maildir file names and Dovecot's files read directly):
  - a Maildir (a folder holding cur/ or new/): the folder INBOX; its Maildir++ subfolders (.Work.2024, ...)
    become Work/2024; folders of Maildirs (Dovecot's LAYOUT=fs, or any tree) are named by their path under
    PATH ("Maildir" and a top-level INBOX folder both give INBOX; Dovecot's modified UTF-7 names decoded). Flags
    from the file names in cur/ (S \\Seen, R \\Answered, F \\Flagged, D \\Draft, T \\Deleted, P $Forwarded,
    Dovecot's keyword letters through its dovecot-keywords file; new/ has none); arrival date from the file's
    time, as Dovecot takes it. Subscriptions from the root's Dovecot `subscriptions` or Courier
    `courierimapsubscribed` file; without one every folder is subscribed.
  - an mbox file, or a tree of them (Thunderbird's profile folders: Inbox, Sent, Work.sbd/Project ...; .mbox
    files; a leading byte-order mark is skipped): one folder per file, named by its path without .mbox/.sbd.
    Flags from Status/X-Status and Thunderbird's X-Mozilla-Status bits and X-Mozilla-Keys keywords; arrival
    date from the "From " line, else the Date header, else the file's time.
  - an MH folder (one file per message named by its number): flags from .mh_sequences when there is one
    (unseen, replied, flagged; without it none); arrival date from the Date header, else the file's time.
  - a folder of .eml files (and an .eml file): one folder, named by its path; arrival date from the Date
    header, else the file's time; no flags.
Line ends become CRLF (as on the wire). Nothing is dropped silently: a message that cannot go through an IMAP
APPEND as it is (empty, or holding a NUL byte) is listed on standard error with its file, mbox line or
Maildir name and the reason, and left out; the summary counts them ("skipped"); a file in the tree that is none
of these is named ("not mail, left out"). Exits 1 when nothing was read.
"""
import argparse
import calendar
import email.utils
import hashlib
import json
import mailbox
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imapmini import format_internaldate, mutf7_decode, mutf7_encode  # noqa: E402

MAILDIR_FLAGS = {"S": "\\Seen", "R": "\\Answered", "F": "\\Flagged", "D": "\\Draft", "T": "\\Deleted",
                 "P": "$Forwarded"}
MID_RE = re.compile(rb"^Message-ID:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.I | re.M)
BOM = b"\xef\xbb\xbf"
MOZ_STATUS_RE = re.compile(rb"^X-Mozilla-Status:[ \t]*([0-9A-Fa-f]{1,4})[ \t]*\r?$", re.I | re.M)
MOZ_KEYS_RE = re.compile(rb"^X-Mozilla-Keys:[ \t]*(.*?)[ \t]*\r?$", re.I | re.M)
MOZ_BITS = ((0x0001, "\\Seen"), (0x0002, "\\Answered"), (0x0004, "\\Flagged"), (0x0008, "\\Deleted"),
            (0x1000, "$Forwarded"))
STATUS_RE = re.compile(rb"^X?-?Status:[ \t]*(\S*)", re.I | re.M)
DATE_RE = re.compile(rb"^Date:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.I | re.M)


def crlf(data: bytes) -> bytes:
    return re.sub(rb"(?<!\r)\n", b"\r\n", data)


def header_block(data: bytes) -> bytes:
    end = data.find(b"\r\n\r\n")
    return data if end < 0 else data[:end + 2]


def header_date(data: bytes):
    """The Date header's time as (epoch, zone minutes), or None."""
    m = DATE_RE.search(header_block(data))
    if not m:
        return None
    try:
        t = email.utils.parsedate_tz(m.group(1).decode("ascii", "replace"))
    except (TypeError, ValueError, IndexError):
        return None
    if not t or t[0] < 1970:
        return None
    zone = t[9] or 0
    return calendar.timegm(t[:9]) - zone, zone // 60


def from_line_date(line: str):
    """The asctime date at the end of an mbox "From " line, as UTC epoch, or None."""
    m = re.search(r"(\w{3} \w{3} +\d{1,2} \d{1,2}:\d\d(:\d\d)? (\d{4}))\s*$", line or "")
    if not m:
        return None
    for fmt in ("%a %b %d %H:%M:%S %Y", "%a %b %d %H:%M %Y"):
        try:
            return calendar.timegm(time.strptime(re.sub(" +", " ", m.group(1)), fmt))
        except ValueError:
            pass
    return None


class Importer:
    def __init__(self, out):
        self.out = out
        self.entries = []
        self.folders = []
        self.skipped = []
        self.ignored = []  # files in a tree that are not mail (listed, not counted as skipped messages)
        self.subscribed = None  # None: every folder; else the names a Maildir's subscription list holds
        os.makedirs(os.path.join(out, "msgs"), exist_ok=True)

    def folder(self, name):
        if name not in self.folders:
            self.folders.append(name)
        return name

    def add(self, folder, data, flags, epoch, zone, where):
        """One message, its line ends already CRLF (the readers convert it once, before reading its header)."""
        if not data.strip():
            self.skip(where, "empty message")
            return
        if b"\0" in data:
            self.skip(where, "holds a NUL byte (an IMAP APPEND without BINARY refuses it)")
            return
        if not data.endswith(b"\r\n"):
            data += b"\r\n"
        i = len(self.entries)
        rel = "msgs/%06d.eml" % i
        with open(os.path.join(self.out, rel), "wb") as fh:
            fh.write(data)
        m = MID_RE.search(header_block(data))
        mid = re.sub(rb"\s+", b"", m.group(1)).decode("utf-8", "replace") if m else None
        self.entries.append({"folder": folder, "file": rel, "flags": flags, "epoch": epoch,
                             "idate": format_internaldate(epoch, zone), "size": len(data),
                             "sha1": hashlib.sha1(data).hexdigest(), "mid": mid or None, "dup": None, "i": i,
                             "from": where})

    def skip(self, where, why):
        self.skipped.append((where, why))
        print("skipped: %s: %s" % (where, why), file=sys.stderr)

    # ---------------------------------------------------------------- Maildir
    def maildir(self, path, name):
        keywords = {}
        kw = os.path.join(path, "dovecot-keywords")
        if os.path.isfile(kw):
            for line in text(kw).split("\n"):
                parts = line.split()
                if len(parts) == 2 and parts[0].isdigit() and int(parts[0]) < 26:
                    keywords[chr(ord("a") + int(parts[0]))] = parts[1]
        self.folder(name)
        for sub in ("cur", "new"):
            if not os.path.isdir(os.path.join(path, sub)):
                continue
            for f in sorted(os.listdir(os.path.join(path, sub))):
                full = os.path.join(path, sub, f)
                if f.startswith(".") or not os.path.isfile(full):
                    continue
                where = "%s (%s)" % (name, full)
                try:
                    with open(full, "rb") as fh:
                        data = fh.read()
                    epoch = int(os.stat(full).st_mtime)  # Dovecot's arrival date of a Maildir message
                except OSError as e:
                    self.skip(where, "cannot be read (%s)" % e)
                    continue
                # unique:2,FLAGS (":" or, where the file system forbids it, "!")
                info = re.split(r"[:!]2,", f, maxsplit=1)[1] if re.search(r"[:!]2,", f) and sub == "cur" else ""
                flags = [MAILDIR_FLAGS[c] for c in sorted(set(info)) if c in MAILDIR_FLAGS]
                flags += [keywords[c] for c in sorted(set(info)) if c in keywords]
                self.add(name, crlf(data), flags, epoch, 0, where)

    def subscriptions(self, root):
        """Dovecot's subscription list of a mail root ("V\\t2", then one name a line, TAB between levels, modified
        UTF-7) or Courier's (courierimapsubscribed: INBOX.Work.Sub); without one every folder is subscribed."""
        names = None
        dovecot, courier = os.path.join(root, "subscriptions"), os.path.join(root, "courierimapsubscribed")
        if os.path.isfile(dovecot):
            lines = text(dovecot).split("\n")
            if lines and lines[0].startswith("V\t2"):
                names = {"/".join(on_disk(p) for p in l.split("\t")) for l in lines[1:] if l}
        elif os.path.isfile(courier):
            names = set()
            for l in text(courier).split("\n"):
                if l:
                    parts = [on_disk(p) for p in l.split(".")]
                    names.add("/".join(parts[1:] if parts[0] == "INBOX" and len(parts) > 1 else parts))
        if names is not None:
            self.subscribed = (self.subscribed or set()) | {folder_name(n) for n in names}

    # ---------------------------------------------------------------- mbox
    def mbox(self, path, name):
        with open(path, "rb") as fh:
            bom = fh.read(3) == BOM
        if bom:  # the mailbox module would take the first "From " line for a header: read a copy without the mark
            copy = os.path.join(self.out, ".bomless.mbox")
            with open(path, "rb") as src, open(copy, "wb") as dst:
                src.read(3)
                dst.write(src.read())
            self.mbox_file(copy, path, name)
            os.remove(copy)
        else:
            self.mbox_file(path, path, name)

    def mbox_file(self, path, shown, name):
        box = mailbox.mbox(path, create=False)
        self.folder(name)
        line_of = self.from_lines(path)
        for n, key in enumerate(box.keys()):
            where = "%s line %s" % (shown, line_of[n] if n < len(line_of) else "?")
            try:
                whole = box.get_bytes(key, from_=True)
            except (OSError, ValueError) as e:
                self.skip(where, "cannot be read (%s)" % e)
                continue
            from_line, _, data = whole.partition(b"\n")
            data = crlf(data)
            head = header_block(data)
            status = b"".join(m.group(1) for m in STATUS_RE.finditer(head)).decode("ascii", "replace")
            flags = [f for c, f in (("R", "\\Seen"), ("A", "\\Answered"), ("F", "\\Flagged"), ("T", "\\Draft"),
                                    ("D", "\\Deleted")) if c in status]
            flags += [f for f in mozilla_flags(head) if f not in flags]
            epoch, zone = from_line_date(from_line.decode("ascii", "replace")), 0
            if epoch is None:
                epoch, zone = header_date(data) or (int(os.stat(path).st_mtime), 0)
            self.add(name, data, flags, epoch, zone, where)
        box.close()

    @staticmethod
    def from_lines(path):
        """The line number of each "From " line: where the mailbox module starts a message."""
        with open(path, "rb") as fh:
            return [k for k, line in enumerate(fh, 1) if line.startswith(b"From ")]

    # ---------------------------------------------------------------- MH
    def mh(self, path, name):
        box = mailbox.MH(path, create=False)
        self.folder(name)
        seqs = box.get_sequences() if os.path.isfile(os.path.join(path, ".mh_sequences")) else None
        for key in sorted(box.keys()):
            where = "%s (MH message %s)" % (path, key)
            try:
                data = box.get_bytes(key)
                mtime = int(os.stat(os.path.join(path, str(key))).st_mtime)
            except (OSError, KeyError) as e:
                self.skip(where, "cannot be read (%s)" % e)
                continue
            flags = []
            if seqs is not None:  # without .mh_sequences nothing is known of a message's flags
                flags = [f for seq, f in (("replied", "\\Answered"), ("flagged", "\\Flagged")) if key in seqs.get(seq, [])]
                if key not in seqs.get("unseen", []):
                    flags.insert(0, "\\Seen")
            data = crlf(data)
            hd = header_date(data)
            epoch, zone = hd if hd else (mtime, 0)
            self.add(name, data, flags, epoch, zone, where)
        box.close()

    # ---------------------------------------------------------------- .eml
    def eml(self, files, name):
        self.folder(name)
        for f in sorted(files):
            try:
                with open(f, "rb") as fh:
                    data = fh.read()
            except OSError as e:
                self.skip(f, "cannot be read (%s)" % e)
                continue
            data = crlf(data)
            hd = header_date(data)
            epoch, zone = hd if hd else (int(os.stat(f).st_mtime), 0)
            self.add(name, data, [], epoch, zone, f)

    # ---------------------------------------------------------------- a tree
    def tree(self, root):
        root = os.path.abspath(root)
        if os.path.isfile(root):
            base = os.path.basename(root)
            if base.lower().endswith(".eml"):
                self.eml([root], "INBOX")
            elif is_mbox(root):
                self.mbox(root, folder_name(os.path.splitext(base)[0] if base.endswith(".mbox") else base))
            else:
                self.skip(root, "neither an mbox (first line \"From \") nor an .eml file")
            return
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            rel = os.path.relpath(dirpath, root)
            if rel == ".":
                self.subscriptions(dirpath)
            if is_maildir(dirpath):
                self.maildir(dirpath, maildir_name(rel))
                for d in [d for d in dirnames if d.startswith(".") and is_maildir(os.path.join(dirpath, d))]:
                    parent, sub = maildir_name(rel), "/".join(on_disk(p) for p in d[1:].split(".") if p)
                    sub = sub if parent == "INBOX" else parent + "/" + sub
                    self.maildir(os.path.join(dirpath, d), sub)
                dirnames[:] = [d for d in dirnames if d not in ("cur", "new", "tmp") and not d.startswith(".")]
                continue
            if is_mh(dirpath, filenames):
                self.mh(dirpath, folder_name("INBOX" if rel == "." else "/".join(rel.split(os.sep))))
                continue
            emls = []
            for f in sorted(filenames):
                full = os.path.join(dirpath, f)
                if f.lower().endswith(".eml"):
                    emls.append(full)
                elif not f.startswith(".") and is_mbox(full):
                    parts = [] if rel == "." else [strip_sbd(p) for p in rel.split(os.sep)]
                    self.mbox(full, folder_name("/".join(parts + [f[:-5] if f.endswith(".mbox") else f])))
                elif not (f.startswith((".", "dovecot", "courier")) or f.endswith(".msf") or f in NOT_MAIL):
                    self.ignored.append(full)
            if emls:
                self.eml(emls, folder_name("INBOX" if rel == "." else "/".join(strip_sbd(p) for p in rel.split(os.sep))))

    def write(self, sources):
        order = {f: k for k, f in enumerate(self.folders)}
        self.entries.sort(key=lambda e: (order[e["folder"]], e["epoch"], e["i"]))
        with open(os.path.join(self.out, "manifest.jsonl"), "w", encoding="utf-8") as fh:
            for e in self.entries:
                fh.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
        folders = [{"name": f, "subscribed": self.subscribed is None or f in self.subscribed} for f in self.folders]
        with open(os.path.join(self.out, "folders.json"), "w", encoding="utf-8") as fh:
            json.dump({"folders": folders}, fh, ensure_ascii=False, indent=1, sort_keys=True)
        h = hashlib.sha256()
        with open(os.path.join(self.out, "manifest.jsonl"), "rb") as fh:
            h.update(fh.read())
        per_folder = {}
        for e in self.entries:
            per_folder[e["folder"]] = per_folder.get(e["folder"], 0) + 1
        summary = {"imported_from": sources, "entries": len(self.entries),
                   "bytes_entries": sum(e["size"] for e in self.entries), "manifest_sha256": h.hexdigest(),
                   "folders": len(folders), "per_folder": per_folder, "skipped": len(self.skipped),
                   "no_mid": sum(1 for e in self.entries if not e["mid"]), "not_mail_files": len(self.ignored)}
        with open(os.path.join(self.out, "summary.json"), "w", encoding="utf-8") as fh:
            json.dump(summary, fh, ensure_ascii=False, indent=1, sort_keys=True)
        return summary


def text(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def is_maildir(d):
    """A Maildir: cur/ or new/ (copies often lose the empty ones; tmp/ is never read)."""
    return os.path.isdir(os.path.join(d, "cur")) or os.path.isdir(os.path.join(d, "new"))


def is_mh(d, files):
    """An MH folder: one file per message named by its number (mailbox.MH)."""
    return any(f.isdigit() for f in files) and all(f.isdigit() or f.startswith(".") for f in files)


def is_mbox(f):
    try:
        with open(f, "rb") as fh:
            start = fh.read(8)
    except OSError:
        return False
    return start.startswith(b"From ") or start.startswith(BOM + b"From ")


def mozilla_flags(head):
    """Thunderbird's X-Mozilla-Status bits and X-Mozilla-Keys keywords."""
    flags = []
    m = MOZ_STATUS_RE.search(head)
    if m:
        bits = int(m.group(1), 16)
        flags += [f for bit, f in MOZ_BITS if bits & bit]
    m = MOZ_KEYS_RE.search(head)
    if m:
        flags += [k for k in m.group(1).decode("ascii", "replace").split() if re.fullmatch(r"[!#-'*+.-9;-Z^-z|~]+", k)]
    return flags


# files beside mail that are not mail (besides dovecot*, courier* and Thunderbird's *.msf indexes)
NOT_MAIL = {"subscriptions", "maildirfolder", "msgFilterRules.dat", "popstate.dat"}


def strip_sbd(p):
    return p[:-4] if p.endswith(".sbd") else p


def folder_name(name):
    return "INBOX" if name.lower() in ("inbox", "maildir", "") else name


def maildir_name(rel):
    if rel == ".":
        return "INBOX"
    parts = rel.split(os.sep)
    if parts[-1] == "Maildir":
        parts = parts[:-1]
    return folder_name("/".join(on_disk(p) for p in parts))


def on_disk(part):
    """A Maildir folder's name as Dovecot writes it (modified UTF-7: "Donn&AOk-es" is "Données"), decoded when
    it is such a name; any other name as it is."""
    try:
        name = mutf7_decode(part)
    except (ValueError, UnicodeDecodeError):
        return part
    return name if mutf7_encode(name) == part else part


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="sources", action="append", required=True, metavar="PATH")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    for s in a.sources:
        if not os.path.exists(s):
            ap.error("--from %s: no such file or folder" % s)
    t0 = time.time()
    imp = Importer(os.path.abspath(a.out))
    for s in a.sources:
        imp.tree(s)
    if not imp.entries:
        print("no message found in %s (a Maildir, an mbox file or tree, or .eml files)" % ", ".join(a.sources),
              file=sys.stderr)
        sys.exit(1)
    s = imp.write([os.path.abspath(x) for x in a.sources])
    for f in imp.ignored:
        print("not mail, left out: %s (neither an mbox, an .eml file, a Maildir nor an MH folder)" % f, file=sys.stderr)
    print("imported %d message(s), %.1f MB, in %d folder(s) from %s; skipped %d; %d without Message-ID; %.1fs" % (
        s["entries"], s["bytes_entries"] / 1e6, s["folders"], ", ".join(a.sources), s["skipped"], s["no_mid"],
        time.time() - t0))


if __name__ == "__main__":
    main()
