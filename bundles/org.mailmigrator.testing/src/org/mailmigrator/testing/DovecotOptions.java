package org.mailmigrator.testing;

/**
 * How a test Dovecot is set up beyond the defaults.
 *
 * @param maxMessageSize  when {@code > 0}, bigger messages are refused (quota plugin's quota_max_mail_size)
 * @param tls             offer STARTTLS and implicit TLS; {@code false} leaves imapsPort() closed
 * @param quotaKib        when {@code > 0}, every user gets a storage quota of that many KiB, reported over IMAP
 *                        (QUOTA, GETQUOTAROOT: imap_quota plugin)
 * @param announceAppendLimit advertise {@code APPENDLIMIT=maxMessageSize} after login. Dovecot 2.3 never
 *                        announces APPENDLIMIT itself (the capability does not exist in 2.3.19), so it is added
 *                        with {@code imap_capability = +APPENDLIMIT=N}, the way an administrator would
 * @param compress        offer COMPRESS=DEFLATE after login (zlib and imap_zlib plugins)
 * @param connectionsPerUser at most that many IMAP connections of one user from one address
 *                        ({@code mail_max_userip_connections}: 10 in Dovecot's own configuration, 200 by default here)
 */
public record DovecotOptions(Dovecot.Layout layout, long maxMessageSize, boolean tls, long quotaKib,
        boolean announceAppendLimit, boolean compress, int connectionsPerUser) {

    public DovecotOptions {
        if (announceAppendLimit && maxMessageSize <= 0) {
            throw new IllegalArgumentException("APPENDLIMIT needs a maximum message size to announce");
        }
    }

    public static DovecotOptions of(Dovecot.Layout layout) {
        return new DovecotOptions(layout, 0, true, 0, false, false, 200);
    }

    public DovecotOptions withMaxMessageSize(long bytes) {
        return new DovecotOptions(layout, bytes, tls, quotaKib, announceAppendLimit, compress, connectionsPerUser);
    }

    public DovecotOptions withTls(boolean value) {
        return new DovecotOptions(layout, maxMessageSize, value, quotaKib, announceAppendLimit, compress, connectionsPerUser);
    }

    public DovecotOptions withQuotaKib(long kib) {
        return new DovecotOptions(layout, maxMessageSize, tls, kib, announceAppendLimit, compress, connectionsPerUser);
    }

    /** Refuses messages over {@code bytes} and says so in APPENDLIMIT. */
    public DovecotOptions withAppendLimit(long bytes) {
        return new DovecotOptions(layout, bytes, tls, quotaKib, true, compress, connectionsPerUser);
    }

    /** Offers COMPRESS=DEFLATE (RFC 4978) after login, as Dovecot does with its imap_zlib plugin. */
    public DovecotOptions withCompress() {
        return new DovecotOptions(layout, maxMessageSize, tls, quotaKib, announceAppendLimit, true, connectionsPerUser);
    }

    /** Refuses a user's connections from one address beyond {@code n}, as a provider's per-user limit does. */
    public DovecotOptions withConnectionsPerUser(int n) {
        return new DovecotOptions(layout, maxMessageSize, tls, quotaKib, announceAppendLimit, compress, n);
    }

    boolean quotaPlugin() {
        return maxMessageSize > 0 || quotaKib > 0;
    }
}
