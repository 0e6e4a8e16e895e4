package org.mailmigrator.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;

/**
 * A private {@link Cyrus} that also runs Cyrus's {@code pop3d} on loopback (no TLS, so no STLS: what a legacy
 * server offers), from the tree {@code releng/scripts/test-servers.sh} unpacks from {@code cyrus-pop3d} beside
 * the Cyrus one. The same users and mailboxes as over IMAP.
 */
public final class CyrusPop3 implements AutoCloseable {
    private final Cyrus cyrus;
    private final int pop3;

    private CyrusPop3(Cyrus cyrus, int pop3) {
        this.cyrus = cyrus;
        this.pop3 = pop3;
    }

    public static CyrusPop3 start(Cyrus.Layout layout, Collection<String> users) throws IOException, InterruptedException {
        String pop3d = ServerTree.root("cyrus-pop3", "usr/lib/cyrus/bin/pop3d").resolve("usr/lib/cyrus/bin/pop3d")
                .toString();
        int port = LoopbackServer.freePort();
        Cyrus c = Cyrus.start(layout, users, imapdConf -> "  pop3 cmd=\"" + pop3d + " -C " + imapdConf + "\" listen=\""
                + Dovecot.HOST + ":" + port + "\" prefork=0\n");
        CyrusPop3 server = new CyrusPop3(c, port);
        if (!LoopbackServer.awaitPort(port, null, Duration.ofSeconds(15))) {
            String log = c.log();
            server.close();
            throw new IOException("cyrus pop3d did not listen on port " + port + ":\n" + log);
        }
        return server;
    }

    /** The IMAP side of the same server (fill mailboxes over IMAP). */
    public Cyrus cyrus() {
        return cyrus;
    }

    public int pop3Port() {
        return pop3;
    }

    @Override
    public void close() {
        cyrus.close();
    }
}
