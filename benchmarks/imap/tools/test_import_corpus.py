"""import_corpus.py on real-world mail files (bundles/org.mailmigrator.connector.files.tests/real-world: notmuch,
MimeKit, Thunderbird and GNU Mailutils test data, origins and licences in its README.md) and on a Maildir tree laid
out as Dovecot writes one. Run by releng/scripts/smoke.sh: python3 -m unittest benchmarks/imap/tools/test_import_corpus.py
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "..", "bundles", "org.mailmigrator.connector.files.tests", "real-world")


def read(out, name):
    with open(os.path.join(out, name), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh] if name.endswith(".jsonl") else json.load(fh)


class ImportCorpusTest(unittest.TestCase):
    def temp(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        return d

    def run_import(self, *sources):
        out = self.temp()
        p = subprocess.run([sys.executable, os.path.join(HERE, "import_corpus.py"), "--out", out]
                           + [x for s in sources for x in ("--from", s)], capture_output=True, text=True)
        return p, out, read(out, "manifest.jsonl") if p.returncode == 0 else []

    def test_real_world_files(self):
        p, out, entries = self.run_import(REAL)
        self.assertEqual(p.returncode, 0, p.stderr)
        per = read(out, "summary.json")["per_folder"]
        self.assertEqual(per, {
            "notmuch": 25, "notmuch/foo": 5, "notmuch/bar/baz": 4,             # a Maildir and its Maildir++ folders
            "notmuch/eml/attachment": 2, "notmuch/eml/crypto": 2, "notmuch/eml/protected-headers": 19,
            "mimekit/simple": 3, "mimekit/content-length": 29, "mimekit/issue1189": 4,
            "mimekit/unmunged": 4,                                            # starts with a byte-order mark
            "thunderbird/bugmail1": 1, "mailutils/mh/mbox1": 5, "mailutils/mh/mime": 2})
        self.assertIn("not mail, left out: ", p.stderr)                       # the data's README.md, named
        self.assertIn("README.md", p.stderr)
        bug = [e for e in entries if e["folder"] == "thunderbird/bugmail1"][0]
        self.assertEqual(bug["flags"], ["\\Seen", "$label4"])                 # X-Mozilla-Status 0001, -Keys
        for e in entries:
            with open(os.path.join(out, e["file"]), "rb") as fh:
                data = fh.read()
            self.assertEqual(len(data), e["size"])
            self.assertNotIn(b"\n", data.replace(b"\r\n", b""), e["from"])   # CRLF line ends, as on the wire
            self.assertFalse(data.startswith(b"From "), e["from"])          # no mbox separator line
            self.assertFalse(data.startswith(b"\xef\xbb\xbf"), e["from"])

    def test_dovecot_maildir_tree(self):
        root = self.temp()
        for folder in ("INBOX", "Donn&AOk-es/&AMk-t&AOk- 2021", "Old Mail", "Family &- Friends"):
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(root, folder, sub))
        with open(os.path.join(root, "subscriptions"), "w") as fh:
            fh.write("V\t2\n\nINBOX\nDonn&AOk-es\t&AMk-t&AOk- 2021\nFamily &- Friends\n")
        msg = b"From: a@example.org\nSubject: s\nDate: Tue, 1 Mar 2022 10:00:00 +0100\n\nbody\n"
        for name, folder, data in (("1.host:2,SF", "INBOX", msg), ("2.host:2,RSa", "INBOX", msg),
                                   ("3.host", "INBOX", msg), ("4.host:2,", "Old Mail", b"x\0y\n"),
                                   ("5.host:2,T", "Donn&AOk-es/&AMk-t&AOk- 2021", msg)):
            path = os.path.join(root, folder, "new" if name == "3.host" else "cur", name)
            with open(path, "wb") as fh:
                fh.write(data)
            os.utime(path, (1600000000, 1600000000))
        with open(os.path.join(root, "INBOX", "dovecot-keywords"), "w") as fh:
            fh.write("0 $Forwarded\n")
        p, out, entries = self.run_import(root)
        self.assertEqual(p.returncode, 0, p.stderr)
        got = sorted((e["folder"], tuple(e["flags"]), e["idate"]) for e in entries)
        self.assertEqual(got, [("Données/Été 2021", ("\\Deleted",), "13-Sep-2020 12:26:40 +0000"),
                               ("INBOX", (), "13-Sep-2020 12:26:40 +0000"),
                               ("INBOX", ("\\Answered", "\\Seen", "$Forwarded"), "13-Sep-2020 12:26:40 +0000"),
                               ("INBOX", ("\\Flagged", "\\Seen"), "13-Sep-2020 12:26:40 +0000")])
        self.assertRegex(p.stderr, r"skipped: Old Mail \(.*4\.host:2,\): holds a NUL byte")
        folders = {f["name"]: f["subscribed"] for f in read(out, "folders.json")["folders"]}
        self.assertEqual(folders, {"INBOX": True, "Données/Été 2021": True, "Old Mail": False,
                                   "Family & Friends": True})
        self.assertEqual(read(out, "summary.json")["skipped"], 1)

    def test_nothing_to_import(self):
        empty = self.temp()
        p, _, _ = self.run_import(empty)
        self.assertEqual(p.returncode, 1)
        self.assertIn("no message found in " + empty, p.stderr)


if __name__ == "__main__":
    unittest.main()
