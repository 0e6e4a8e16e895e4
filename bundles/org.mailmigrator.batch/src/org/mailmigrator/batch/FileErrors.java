package org.mailmigrator.batch;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A failed file operation in words a person can act on: "disk full writing PATH" rather than the
 * library's "Writing to sun.nio.ch.FileChannelImpl@5e2d failed"; no Java class names, no stack trace.
 */
public final class FileErrors {
    /** {@code java.io.IOException: }, {@code org.h2.mvstore.MVStoreException}, {@code sun.nio.ch.FileChannelImpl@1a2b}. */
    private static final Pattern CLASS_NAME = Pattern
            .compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:@[0-9a-f]+)?(?::\\s*)?");
    private static final Pattern H2_CODE = Pattern.compile("\\s*\\[\\d{5}-\\d+\\]");

    private FileErrors() {
    }

    /** Whether the failure (or one of its causes) is a full disk or an exceeded disk quota. */
    public static boolean isDiskFull(Throwable t) {
        return anyMessage(t, "no space left on device") || anyMessage(t, "disk quota exceeded");
    }

    /**
     * @param verb what was being done, as in "disk full VERB PATH": {@code writing}, {@code creating}, {@code reading}
     */
    public static String describe(Throwable t, Path path, String verb) {
        if (isDiskFull(t)) {
            return "disk full " + verb + " " + path + " (make space on that disk, then run again)";
        }
        if (anyMessage(t, "read-only file system")) {
            return "read-only file system: cannot write " + path;
        }
        for (Throwable c : chain(t)) {
            if (c instanceof AccessDeniedException || c.getMessage() != null
                    && c.getMessage().toLowerCase(Locale.ROOT).contains("permission denied")) {
                return "no permission " + verb + " " + path;
            }
            if (c instanceof NoSuchFileException) {
                return verb + " " + path + ": " + c.getMessage() + " does not exist";
            }
        }
        return verb + " " + path + " failed: " + clean(t.getMessage() == null ? "" : t.getMessage());
    }

    /** A library's message without class names and H2 error codes. */
    public static String clean(String message) {
        String s = CLASS_NAME.matcher(message).replaceAll("");
        s = H2_CODE.matcher(s).replaceAll("");
        return s.strip().isEmpty() ? "an input/output error" : s.strip();
    }

    private static boolean anyMessage(Throwable t, String text) {
        for (Throwable c : chain(t)) {
            if (c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The failure, its causes and what was suppressed along the way. */
    private static Iterable<Throwable> chain(Throwable t) {
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(t);
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        while (!todo.isEmpty()) {
            Throwable c = todo.poll();
            if (c == null || !seen.add(c)) {
                continue;
            }
            out.add(c);
            if (c.getCause() != null) {
                todo.add(c.getCause());
            }
            todo.addAll(java.util.List.of(c.getSuppressed()));
        }
        return out;
    }
}
