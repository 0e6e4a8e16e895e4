package org.mailmigrator.connector.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.mailmigrator.core.mail.Fingerprint;

/**
 * Splits an mbox file into messages in one pass with a bounded buffer (memory does not grow with the file or a
 * message). Every line starting with {@code From } starts a message (writers quote such lines in bodies: mboxo
 * {@code >From }, mboxrd one more {@code >}); an empty line just before it separates and is not part of the
 * message. A {@code Content-Length} field (mboxcl2) is trusted when the body it counts ends exactly at the end of
 * the file or just before a {@code From } line (after at most one empty line): then a {@code From } line inside
 * that body is body text, and the message's lines are copied literally ({@code >From } is not unquoted: mboxcl2
 * does not quote). A length that does not land there is ignored and the message ends at the next {@code From } line.
 * <p>
 * A message's id is the SHA-256 (128 bits, hex) of its bytes as they travel, without the header fields a mail
 * client rewrites in place ({@code Status}, {@code X-Status}, {@code X-Mozilla-Status}, {@code X-Mozilla-Status2},
 * {@code X-Mozilla-Keys}), then {@code #n} for the n-th identical message of the file. So the id survives a
 * compaction (other messages removed, offsets moved), a flag change and messages appended at the end: no message
 * is copied twice because the file was rewritten. The first of several identical messages removed makes the
 * remaining ones take its number; the engine then sees one copied and one "new": they are identical, the
 * destination holds one copy more (documented in docs/file-sources.md).
 */
final class MboxScanner {
    private static final int MAX_HEADER = 1 << 20;
    private final Path file;
    private final boolean unquote;
    private final Consumer<MboxEntry> sink;
    private final Map<String, Integer> seen = new HashMap<>();
    private final byte[] seg = new byte[8192];
    private Message cur;
    private byte[] blank;
    private long blankAt;

    private MboxScanner(Path file, boolean unquote, Consumer<MboxEntry> sink) {
        this.file = file;
        this.unquote = unquote;
        this.sink = sink;
    }

    /** Hands every message of the file to {@code sink}, in file order. */
    static void scan(Path file, boolean unquote, Consumer<MboxEntry> sink) throws IOException {
        new MboxScanner(file, unquote, sink).run();
    }

    private void run() throws IOException {
        try (LineReader r = new LineReader(Files.newInputStream(file), 0)) {
            boolean inFromLine = false;
            int n;
            while ((n = r.next(seg)) >= 0) {
                long at = r.offset() - n;
                boolean ls = r.lineStart();
                if (inFromLine) {
                    cur.begin = r.offset();
                    inFromLine = !r.complete();
                    continue;
                }
                if (ls && Crlf.isFromLine(seg, n) && (cur == null || at >= cur.protectUntil)) {
                    finish(blank != null ? blankAt : at, null);
                    blank = null;
                    cur = new Message(new String(seg, 0, Math.min(n, 300), StandardCharsets.ISO_8859_1), r.offset());
                    inFromLine = !r.complete();
                    continue;
                }
                if (cur == null) { // bytes before the first From line
                    cur = new Message(null, at);
                }
                if (blank != null) {
                    cur.feed(blank, blank.length, true);
                    blank = null;
                }
                if (ls && r.complete() && (n == 1 || n == 2 && seg[0] == '\r')) {
                    if (cur.inHeader && cur.fromLine != null) {
                        contentLength(cur, at + n);
                    }
                    blank = java.util.Arrays.copyOf(seg, n);
                    blankAt = at;
                    continue;
                }
                cur.feed(seg, n, ls);
            }
            boolean cut = !r.complete() && cur != null;
            finish(blank != null ? blankAt : r.offset(), cut
                    ? "the file ends inside this message (no line end at offset " + r.offset() + "): truncated, not copied"
                    : null);
        }
    }

    /** Trusts the header's Content-Length when the body it counts ends where the next message starts (or the file). */
    private void contentLength(Message m, long bodyStart) throws IOException {
        byte[] head = m.header.toByteArray();
        Optional<Long> length = new Headers(head, head.length).first("Content-Length").flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        if (length.isEmpty() || length.get() < 0) {
            return;
        }
        long end = bodyStart + length.get();
        long size = Files.size(file);
        if (end > size) {
            return;
        }
        if (end < size) {
            byte[] next = new byte[7];
            int got;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                got = ch.read(ByteBuffer.wrap(next), end);
            }
            String after = new String(next, 0, Math.max(0, got), StandardCharsets.ISO_8859_1);
            if (!(after.startsWith("From ") || after.startsWith("\nFrom ") || after.startsWith("\r\nFrom "))) {
                return;
            }
        }
        m.protectUntil = end;
        m.crlf = new Crlf(false);
    }

    private void finish(long end, String problem) {
        Message m = cur;
        cur = null;
        if (m == null) {
            return;
        }
        if (m.fromLine == null) {
            if (m.size == m.blanks) {
                return; // only empty lines before the first message
            }
            problem = "bytes " + m.begin + " to " + end + " before the first 'From ' line are not a message";
        }
        byte[] head = m.header.toByteArray();
        Headers h = new Headers(head, head.length);
        String hash = HexFormat.of().formatHex(m.digest.digest(), 0, 16);
        int n = seen.merge(hash, 1, Integer::sum);
        Instant date = m.fromLine == null ? null : Dates.fromLine(m.fromLine)
                .or(() -> h.first("Date").flatMap(Dates::rfc5322)).orElse(null);
        boolean deleted = Flags.mozilla(h).stream().anyMatch(v -> (v & Flags.MOZILLA_DELETED) != 0);
        if (problem == null && !Headers.looksLikeHeader(head, head.length)) {
            problem = "the message at offset " + m.begin + " has no header (its first line is not 'Name: value')";
        }
        sink.accept(new MboxEntry(hash + "#" + n, m.begin, end, m.size, date, Flags.ofMbox(h), deleted,
                Fingerprint.of(head, 0, head.length, m.size), h.first("Subject").orElse(null),
                h.first("X-Gmail-Labels").orElse(null), problem, m.protectUntil >= 0));
    }

    /** The message being read: its digest, size and header as they travel. */
    private final class Message {
        final String fromLine;
        final MessageDigest digest;
        final ByteArrayOutputStream header = new ByteArrayOutputStream();
        Crlf crlf = new Crlf(unquote);
        long protectUntil = -1;
        long begin;
        long size;
        long blanks;
        boolean inHeader = true;
        boolean rewritten;

        Message(String fromLine, long start) {
            this.fromLine = fromLine;
            this.begin = start;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        void feed(byte[] b, int n, boolean ls) throws IOException {
            boolean emptyLine = ls && (n == 1 && b[0] == '\n' || n == 2 && b[0] == '\r' && b[1] == '\n');
            if (inHeader && ls && !emptyLine && b[0] != ' ' && b[0] != '\t') {
                rewritten = clientWritten(b, n);
            }
            OutputStream to = inHeader ? (rewritten ? headerOnly : both) : digestOnly;
            long w = crlf.write(b, n, ls, to);
            size += w;
            if (emptyLine) {
                blanks += w;
                if (inHeader) {
                    inHeader = false;
                }
            }
        }

        private final OutputStream digestOnly = new Sink(this, true, false);
        private final OutputStream headerOnly = new Sink(this, false, true);
        private final OutputStream both = new Sink(this, true, true);
    }

    /** Where a message's bytes go while scanning: its digest, its header copy (bounded), or both. */
    private static final class Sink extends OutputStream {
        private final Message m;
        private final boolean digest;
        private final boolean header;

        Sink(Message m, boolean digest, boolean header) {
            this.m = m;
            this.digest = digest;
            this.header = header;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (digest) {
                m.digest.update(b, off, len);
            }
            if (header) {
                m.header.write(b, off, Math.max(0, Math.min(len, MAX_HEADER - m.header.size())));
            }
        }
    }

    /** A header field that mail clients rewrite in place when flags change (not part of the id). */
    static boolean clientWritten(byte[] b, int n) {
        String start = new String(b, 0, Math.min(n, 24), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.startsWith("status:") || start.startsWith("x-status:") || start.startsWith("x-mozilla-status:")
                || start.startsWith("x-mozilla-status2:") || start.startsWith("x-mozilla-keys:");
    }
}
