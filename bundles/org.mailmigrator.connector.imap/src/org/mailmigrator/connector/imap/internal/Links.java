package org.mailmigrator.connector.imap.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the sessions one connector opens measure of their links, one {@link LinkRate} per server (host and port): a
 * pass's sessions (its folder workers) share it, so with {@code compress=auto} every one of them compresses from its
 * next command once any of them has measured the link narrow, and their measures add up to a verdict sooner.
 */
public final class Links {
    private final Map<String, LinkRate> byServer = new ConcurrentHashMap<>();

    LinkRate of(ImapSettings s) {
        return byServer.computeIfAbsent(s.host().toLowerCase(java.util.Locale.ROOT) + ":" + s.port(), k -> new LinkRate());
    }
}
