package org.mailmigrator.core.mail;

/**
 * The personal namespace of a mail account: the prefix its folder names carry (e.g. {@code "INBOX."} on
 * Courier-style servers, empty elsewhere) and its hierarchy separator.
 */
public record Namespace(String prefix, char separator) {
    public Namespace {
        prefix = prefix == null ? "" : prefix;
    }
}
