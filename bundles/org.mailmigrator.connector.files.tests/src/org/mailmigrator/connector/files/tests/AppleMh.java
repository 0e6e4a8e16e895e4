package org.mailmigrator.connector.files.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test data for Apple Mail's store and MH folders. The .emlx files are written here (no public sample with a known
 * licence was found): Mail's layout ({@code NAME.mbox/UUID/Data/…/Messages/N.emlx}), line 1 the byte count, the
 * message with LF line ends, then the property list as Mail writes it. The MH oracle is Python's {@code mailbox.MH}.
 */
final class AppleMh {
    /** A flags value as Mail writes it: read (bit 0), answered (2), flagged (4), 1 attachment (bits 10-15), bit 33. */
    static final long READ_ANSWERED_FLAGGED = 1L | 1L << 2 | 1L << 4 | 1L << 10 | 1L << 33;

    private AppleMh() {
    }

    /** The message text of sample {@code n} (LF line ends, as Mail stores it). */
    static String message(int n) {
        return "From: Carol <carol@example.org>\nTo: dave@example.org\nSubject: emlx " + n + "\nMessage-ID: <emlx" + n
                + "@example.org>\nDate: Wed, 1 Jan 2020 10:00:0" + n + " +0000\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\n\nBody of emlx " + n + ".\nFrom here, a line like an mbox separator.\n";
    }

    /** Writes {@code dir/N.emlx} (or {@code N.partial.emlx}) holding {@link #message}, with these flags and date. */
    static Path emlx(Path dir, int n, boolean partial, long flags, long received) throws Exception {
        byte[] msg = message(n).getBytes(StandardCharsets.UTF_8);
        String plist = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n"
                + "\t<key>date-received</key>\n\t<integer>" + received + "</integer>\n\t<key>flags</key>\n\t<integer>"
                + flags + "</integer>\n\t<key>remote-id</key>\n\t<string>" + n + "</string>\n</dict>\n</plist>\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((msg.length + "        \n").getBytes(StandardCharsets.US_ASCII)); // Mail pads the count with spaces
        out.write(msg);
        out.write(plist.getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir);
        return Files.write(dir.resolve(n + (partial ? ".partial.emlx" : ".emlx")), out.toByteArray());
    }

    /**
     * Each message of an MH folder as Python's {@code mailbox.MH} reads it: its flags from the sequences ("unseen"
     * absent: \Seen; "flagged"; "replied": \Answered; no {@code .mh_sequences}: no sequence) and the SHA-256 of
     * its text with CRLF line ends, sorted (the form of {@link #ours}).
     */
    static List<String> python(Path folder) throws Exception {
        return python("mailbox.MH", "import mailbox, sys, hashlib, os\n"
                + "mh = mailbox.MH(sys.argv[1], create=False)\n"
                + "has = os.path.exists(os.path.join(sys.argv[1], '.mh_sequences'))\n" // nmh writes none when empty
                + "seqs = mh.get_sequences() if has else {}\n"
                + "for k in mh.keys():\n"
                + "    seq = [name for name, keys in seqs.items() if k in keys]\n"
                + "    f = ([] if 'unseen' in seq else ['\\\\Seen']) + (['\\\\Flagged'] if 'flagged' in seq else [])"
                + " + (['\\\\Answered'] if 'replied' in seq else [])\n"
                + "    text = mh.get_bytes(k).replace(b'\\n', b'\\r\\n')\n"
                + "    print('[' + ', '.join(sorted(f)) + '] ' + hashlib.sha256(text).hexdigest())", folder).stream()
                .sorted().toList();
    }

    /** The lines a Python 3 {@code script} prints, given {@code file} as its argument; fails naming {@code what}. */
    static List<String> python(String what, String script, Path file) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 " + what + ": " + out);
        return out.lines().toList();
    }

    /** Each message of a folder as "[flags] SHA-256 of its bytes", sorted. */
    static List<String> ours(Stored.Folder folder) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (Stored m : folder.messages()) {
            out.add(new java.util.TreeSet<>(m.flags()) + " " + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(m.bytes())));
        }
        return out.stream().sorted().toList();
    }
}
