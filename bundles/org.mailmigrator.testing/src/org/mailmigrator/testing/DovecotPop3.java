package org.mailmigrator.testing;

import java.io.IOException;
import java.time.Duration;

/**
 * A private {@link Dovecot} that also speaks POP3 (dovecot-pop3d) on loopback: {@link #pop3Port()} (STLS when the
 * options give TLS, plain otherwise) and {@link #pop3sPort()} (implicit TLS, open only with TLS). The same users and
 * Maildirs as over IMAP, so a test fills a mailbox over IMAP and reads it over POP3. UIDLs have Dovecot's
 * default-recommended form {@code %08Xu%08Xv} (UID and UIDVALIDITY).
 */
public final class DovecotPop3 implements AutoCloseable {
    private final Dovecot dovecot;
    private final int pop3;
    private final int pop3s;

    private DovecotPop3(Dovecot dovecot, int pop3, int pop3s) {
        this.dovecot = dovecot;
        this.pop3 = pop3;
        this.pop3s = pop3s;
    }

    public static DovecotPop3 start(DovecotOptions options) throws IOException, InterruptedException {
        return start(options, java.util.function.UnaryOperator.identity());
    }

    /** {@link #start(DovecotOptions)} with a further change of the configuration ({@link DovecotOAuth2#passdb}). */
    public static DovecotPop3 start(DovecotOptions options, java.util.function.UnaryOperator<String> more)
            throws IOException, InterruptedException {
        RunAs.find("dovecot");
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("/usr/lib/dovecot/pop3"))) {
            throw new IOException("dovecot's POP3 server is not installed (apt-get install dovecot-pop3d)");
        }
        int pop3 = LoopbackServer.freePort();
        int pop3s = LoopbackServer.freePort();
        boolean tls = options.tls();
        Dovecot d = Dovecot.start(options, conf -> more.apply(conf).replace("\nprotocols = imap\n", "\nprotocols = imap pop3\n")
                + "pop3_uidl_format = %08Xu%08Xv\n"
                + "service pop3-login {\n  chroot =\n  inet_listener pop3 {\n    address = " + Dovecot.HOST
                + "\n    port = " + pop3 + "\n  }\n"
                + (tls ? "  inet_listener pop3s {\n    address = " + Dovecot.HOST + "\n    port = " + pop3s
                        + "\n    ssl = yes\n  }\n" : "")
                + "}\n");
        DovecotPop3 server = new DovecotPop3(d, pop3, pop3s);
        for (int port : tls ? new int[] { pop3, pop3s } : new int[] { pop3 }) {
            if (!LoopbackServer.awaitPort(port, null, Duration.ofSeconds(10))) {
                String log = d.log();
                server.close();
                throw new IOException("dovecot did not open POP3 port " + port + ":\n" + log);
            }
        }
        return server;
    }

    /** The IMAP side of the same server (fill mailboxes, read what was copied, pin its certificate). */
    public Dovecot dovecot() {
        return dovecot;
    }

    public int pop3Port() {
        return pop3;
    }

    public int pop3sPort() {
        return pop3s;
    }

    @Override
    public void close() {
        dovecot.close();
    }
}
