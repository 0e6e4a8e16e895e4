package org.mailmigrator.core.pim;

/**
 * Where a destination keeps an item: its resource (a DAV href, an EWS ItemId) and its version (an ETag,
 * an EWS ChangeKey; empty when the server gave none).
 */
public record Stored(String resource, String version) {
    public Stored {
        java.util.Objects.requireNonNull(resource, "resource");
        version = version == null ? "" : version;
    }
}
