package org.mailmigrator.core.model;

import java.util.Arrays;

/**
 * A password or token. Its {@link #toString()} never shows the value, so a secret that reaches a log line,
 * an exception message or a report by accident prints as a mask. Only {@link #reveal()} gives the value,
 * and only code that sends it to a server should call it.
 */
public final class Secret {
    private static final String MASK = "******";
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    public static Secret of(char[] value) {
        return new Secret(value);
    }

    public char[] reveal() {
        return value.clone();
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
