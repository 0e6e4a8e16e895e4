package org.mailmigrator.batch.internal;

/** A cell's value as messages show it: quoted, control characters visible, cut after 60 characters. */
public final class Quote {
    private static final int MAX = 60;

    private Quote() {
    }

    public static String of(String value) {
        StringBuilder b = new StringBuilder("'");
        int n = Math.min(value.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (value.length() > MAX) {
            b.append("...(").append(value.length()).append(" characters)");
        }
        return b.append('\'').toString();
    }
}
