package org.mailmigrator.connector.imap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.spi.ConnectorException;

import jakarta.mail.MessagingException;

/** What an IMAP server says about itself after login: its capabilities and its quotas. */
final class ServerInfo {
    private ServerInfo() {
    }

    /** The capability map Angus keeps (upper-cased keys, the server's spelling as values), sorted. */
    static List<String> capabilities(Object angusCapabilities) {
        if (!(angusCapabilities instanceof Map<?, ?> map)) {
            return List.of();
        }
        return map.values().stream().map(String::valueOf).sorted().toList();
    }

    /** The server's {@code APPENDLIMIT=n} capability (RFC 7889), empty when it has none or no number. */
    static Optional<Long> appendLimit(Object angusCapabilities) {
        for (String c : capabilities(angusCapabilities)) {
            if (c.toUpperCase(java.util.Locale.ROOT).startsWith("APPENDLIMIT=")) {
                try {
                    return Optional.of(Long.parseLong(c.substring("APPENDLIMIT=".length())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * GETQUOTAROOT of a folder through Angus's {@link IMAPStore#getQuota(String)}; empty without the QUOTA
     * capability (asking would only earn a BAD).
     */
    static List<Quota> quotas(IMAPStore store, String folder, String server) throws ConnectorException {
        try {
            if (!store.hasCapability("QUOTA")) {
                return List.of();
            }
            List<Quota> out = new ArrayList<>();
            for (jakarta.mail.Quota q : store.getQuota(folder)) {
                if (q.resources == null) {
                    continue;
                }
                for (jakarta.mail.Quota.Resource r : q.resources) {
                    out.add(new Quota(q.quotaRoot, r.name, r.usage, r.limit));
                }
            }
            return out;
        } catch (MessagingException e) {
            throw ImapFailures.during("GETQUOTAROOT " + folder + " on " + server, e);
        }
    }
}
