package org.mailmigrator.connector.imap.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Protocol;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.FetchItem;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Rewrites the legal FETCH response forms that Angus Mail cannot parse into ones it can, outside literals and
 * quoted strings only (message bytes are never touched):
 * <ul>
 * <li>a partial body with origin and length, {@code BODY[]<0.1048576>} (sent by hoodiecrow, some proxies):
 * the length is dropped, the literal's own size says how many bytes came;</li>
 * <li>a {@code literal8} ({@code ~{n}}, RFC 3516/6855): the tilde is dropped, the bytes are the same.</li>
 * </ul>
 * Without this Angus drops the whole FETCH response as unparsable and the message looks absent.
 */
public final class FetchSyntax {
    private FetchSyntax() {
    }

    /** Parses a FETCH response as Angus does; what Angus cannot parse is rewritten and parsed again. */
    public static FetchResponse parse(IMAPResponse r, FetchItem[] items, Protocol p) throws IOException, ProtocolException {
        try {
            return new FetchResponse(r, items, p);
        } catch (ParsingException e) {
            Rewritten fixed = Rewritten.of(r);
            if (fixed == null) {
                throw e;
            }
            return new FetchResponse(fixed, items, p);
        }
    }

    /** A response whose item bytes (after "n FETCH") were rewritten; the prefix is kept as it was. */
    private static final class Rewritten extends IMAPResponse {
        private Rewritten(IMAPResponse r, byte[] items) {
            super(r);
            byte[] b = new byte[index + items.length];
            System.arraycopy(buffer, 0, b, 0, index);
            System.arraycopy(items, 0, b, index, items.length);
            buffer = b;
            size = b.length;
        }

        static Rewritten of(IMAPResponse r) {
            Probe p = new Probe(r);
            byte[] items = normalize(p.bytes(), p.at(), p.end());
            return items == null ? null : new Rewritten(r, items);
        }
    }

    /** Reads a response's protected buffer and position without changing them. */
    private static final class Probe extends IMAPResponse {
        Probe(IMAPResponse r) {
            super(r);
        }

        byte[] bytes() {
            return buffer;
        }

        int at() {
            return index;
        }

        int end() {
            return size;
        }
    }

    /** The bytes {@code b[from, to)} rewritten; {@code null} when nothing needed rewriting. */
    public static byte[] normalize(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        boolean changed = false;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '"') { // quoted string: copied as is, with its escapes
                int j = i + 1;
                while (j < to && b[j] != '"') {
                    j += b[j] == '\\' ? 2 : 1;
                }
                j = Math.min(to, j + 1);
                out.write(b, i, j - i);
                i = j;
            } else if (c == '{' || (c == '~' && i + 1 < to && b[i + 1] == '{')) {
                int open = c == '~' ? i + 1 : i;
                int close = open + 1;
                long n = 0;
                while (close < to && b[close] >= '0' && b[close] <= '9') {
                    n = n * 10 + (b[close] - '0');
                    close++;
                }
                if (close < to && b[close] == '+') {
                    close++;
                }
                if (close >= to || b[close] != '}' || close == open + 1) { // not a literal: copy one byte
                    out.write(c);
                    i++;
                    continue;
                }
                int data = close + 1; // then CRLF, then n bytes
                if (data < to && b[data] == '\r') {
                    data++;
                }
                if (data < to && b[data] == '\n') {
                    data++;
                }
                int end = (int) Math.min(to, data + n);
                changed |= open != i;
                out.write(b, open, end - open);
                i = end;
            } else if (c == '<' && i > from && b[i - 1] == ']') {
                int j = i + 1;
                while (j < to && Character.isDigit(b[j])) {
                    j++;
                }
                int dot = j;
                if (dot < to && b[dot] == '.') {
                    j++;
                    int digits = j;
                    while (j < to && Character.isDigit(b[j])) {
                        j++;
                    }
                    if (j > digits && j < to && b[j] == '>') { // <origin.length>: keep <origin>
                        out.write(b, i, dot - i);
                        out.write('>');
                        changed = true;
                        i = j + 1;
                        continue;
                    }
                }
                out.write(c);
                i++;
            } else {
                out.write(c);
                i++;
            }
        }
        return changed ? out.toByteArray() : null;
    }
}
