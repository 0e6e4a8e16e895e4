package org.mailmigrator.connector.ical.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The unfolded content lines of an iCalendar file read as a stream, by the rules of {@link ContentLine#unfold}:
 * one line ahead is held, never the file.
 */
final class ContentLines implements Iterator<ContentLine> {
    private final BufferedReader in;
    private int physical;
    private String ahead;
    private ContentLine next;

    ContentLines(BufferedReader in) {
        this.in = in;
        this.ahead = read();
        if (ahead != null && ahead.startsWith("\uFEFF")) {
            ahead = ahead.substring(1);
        }
        advance();
    }

    private String read() {
        try {
            String line = in.readLine();
            if (line != null) {
                physical++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the next non-blank logical line, with the continuation lines that follow it. */
    private void advance() {
        next = null;
        while (next == null && ahead != null) {
            StringBuilder current = new StringBuilder(ahead);
            int start = physical;
            ahead = read();
            while (ahead != null && !ahead.isEmpty() && (ahead.charAt(0) == ' ' || ahead.charAt(0) == '\t')) {
                current.append(ahead, 1, ahead.length());
                ahead = read();
            }
            if (!current.isEmpty()) {
                next = new ContentLine(start, current.toString());
            }
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ContentLine next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        ContentLine out = next;
        advance();
        return out;
    }
}
