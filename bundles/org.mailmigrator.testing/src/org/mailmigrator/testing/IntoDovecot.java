package org.mailmigrator.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real Dovecot on loopback (slash hierarchy) for the tests of a class, each test writing to users of its own;
 * with the helpers of a command-line test into it: the target URL of a user, a password file, and a run of the
 * product's command line in this JVM (out, err, exit code).
 */
public abstract class IntoDovecot {
    protected static Dovecot dovecot;

    /** The product's command line ({@code org.mailmigrator.cli.Cli::run}; this bundle does not depend on it). */
    @FunctionalInterface
    public interface CommandLine {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    @BeforeAll
    public static void startDovecot() throws Exception {
        dovecot = Dovecot.start(Dovecot.Layout.SLASH);
    }

    @AfterAll
    public static void stopDovecot() {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    /** {@code imap://USER@127.0.0.1:PORT} (plain IMAP on loopback: run with {@code --allow-plaintext}). */
    protected static String target(String user) {
        return "imap://" + user + "@" + Dovecot.HOST + ":" + dovecot.imapPort();
    }

    /** A file holding the users' password, in {@code dir} (written once). */
    protected static Path password(Path dir) throws IOException {
        Path p = dir.resolve("dst-pw");
        return Files.exists(p) ? p : Files.writeString(p, Dovecot.PASSWORD + "\n");
    }

    /** Runs the command line: {out, err, exit code}. */
    protected static String[] run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] { out.toString(), err.toString(), String.valueOf(code) };
    }
}
