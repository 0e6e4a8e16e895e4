package org.mailmigrator.core.mail;

/**
 * One resource of a quota root as the server reports it (IMAP GETQUOTAROOT, RFC 9208): {@code STORAGE} is
 * counted in units of 1024 bytes, {@code MESSAGE} in messages; other resources are passed on as named.
 */
public record Quota(String root, String resource, long usage, long limit) {
    public static final String STORAGE = "STORAGE";
    public static final String MESSAGE = "MESSAGE";

    public boolean storage() {
        return STORAGE.equalsIgnoreCase(resource);
    }

    /** What is left before the limit, in the resource's own unit (never negative). */
    public long free() {
        return Math.max(0, limit - usage);
    }

    @Override
    public String toString() {
        String unit = storage() ? " KiB" : MESSAGE.equalsIgnoreCase(resource) ? " message(s)" : "";
        return "'" + root + "' " + resource + " " + usage + unit + " used of " + limit + unit;
    }
}
