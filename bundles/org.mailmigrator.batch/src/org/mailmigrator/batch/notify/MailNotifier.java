package org.mailmigrator.batch.notify;

import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the batch's notification mails over SMTP (Angus Mail): batch started, each migration failed, and
 * the batch finished (a digest with totals and the failures). Mails go out from one background thread so a
 * slow SMTP server never holds a migration; a mail that cannot be sent is reported to {@code problems} and
 * never fails the batch. With a login the server is asked for SMTP AUTH; the password never crosses a
 * plaintext connection unless the run allows plaintext explicitly. A refused login, or AUTH that cannot be
 * done, or an untrusted server certificate, is reported once and stops the notifications of this run:
 * repeating it for every failed migration
 * would bury the one line that matters (and lock the account at some providers). Created for a run by
 * {@link MailNotifiers}, the batch bundle's contribution {@code smtp} to the notifiers extension point.
 */
public final class MailNotifier implements Notifier {
    private final SmtpSettings smtp;
    private final String to;
    private final Consumer<String> problems;
    private final Optional<Secret> password;
    /** OAuth2 (SASL XOAUTH2) instead of a password, when given. */
    private final Optional<SignIn.TokenSource> tokens;
    /** The token sent last (the sender thread's only), renewed when the server refuses it. */
    private Secret lastToken;
    /** Why no mail can go (set before the first send, or by a refused login); reported once. */
    private volatile String stopped;
    private boolean reported;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mailmigrator-notify");
        t.setDaemon(true);
        return t;
    });

    /** Without SMTP AUTH (a login in {@code smtp} is then reported as lacking its password). */
    public MailNotifier(SmtpSettings smtp, String to, Consumer<String> problems) {
        this(smtp, Optional.empty(), false, to, problems);
    }

    /**
     * @param password the password of {@code smtp.login()} (see {@link SmtpPassword})
     * @param allowPlaintext whether AUTH may go over a connection without TLS (security none)
     */
    public MailNotifier(SmtpSettings smtp, Optional<Secret> password, boolean allowPlaintext, String to,
            Consumer<String> problems) {
        this(smtp, password, Optional.empty(), allowPlaintext, to, problems);
    }

    /**
     * SMTP AUTH XOAUTH2 as {@code smtp.login()} with the tokens of {@code tokens} (a service account key with
     * domain-wide delegation, a refresh token, an access token: {@code org.mailmigrator.auth.SignIns#tokens}); a
     * token the server refuses is renewed once.
     */
    public MailNotifier(SmtpSettings smtp, SignIn.TokenSource tokens, boolean allowPlaintext, String to,
            Consumer<String> problems) {
        this(smtp, Optional.empty(), Optional.of(tokens), allowPlaintext, to, problems);
    }

    private MailNotifier(SmtpSettings smtp, Optional<Secret> password, Optional<SignIn.TokenSource> tokens,
            boolean allowPlaintext, String to, Consumer<String> problems) {
        this.smtp = smtp;
        this.password = password;
        this.tokens = tokens;
        this.to = to;
        this.problems = problems;
        this.stopped = smtp.login().map(login -> refusal(login, allowPlaintext)).orElse(null);
    }

    private String refusal(String login, boolean allowPlaintext) {
        String server = "SMTP server " + smtp.host() + ":" + smtp.port();
        if (password.isEmpty() && tokens.isEmpty()) {
            return server + ": the login " + login + " has no stored password (set it with 'mailmigrator batch "
                    + "notify-settings --smtp-password-file FILE' or in Preferences > Mail Migrator > Notifications)";
        }
        if (smtp.security().equals("none") && !allowPlaintext) {
            return server + ": SMTP AUTH as " + login + " refused over a plaintext connection (security is none, the "
                    + "password would cross the network in clear): set security starttls or tls, or allow plaintext "
                    + "explicitly (batch run --allow-plaintext; workbench: Preferences > Mail Migrator > TLS policy)";
        }
        return null;
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        send("[mailmigrator] batch " + batch.name() + " started", "Batch " + batch.name() + " started with "
                + batch.migrations().size() + " migration(s), " + batch.concurrency() + " at a time, at most "
                + batch.perHostLimit() + " connection(s) per server.\n");
    }

    @Override
    public void migrationFailed(String batch, MigrationState state) {
        send("[mailmigrator] " + batch + ": migration " + state.migrationId() + " failed", "Migration "
                + state.migrationId() + " of batch " + batch + " failed:\n\n" + state.lastError().orElse("(no reason)")
                + "\n");
    }

    @Override
    public void batchFinished(BatchSpec batch, BatchProgress last) {
        StringBuilder sb = new StringBuilder("Batch " + batch.name() + " finished.\n\n");
        last.countByStatus().forEach((s, n) -> sb.append(String.format("%-20s %d%n", s.label(), n)));
        sb.append(String.format("%-20s %d%n", "messages copied", last.messagesDone()));
        sb.append("\nFailures:\n");
        long failed = 0;
        for (MigrationProgress p : last.migrations()) {
            if (p.status() == MigrationStatus.FAILED) {
                failed++;
                sb.append("  ").append(p.id()).append(" (").append(p.source()).append(" -> ").append(p.destination())
                        .append("): ").append(p.lastError().orElse("")).append('\n');
            }
        }
        if (failed == 0) {
            sb.append("  none\n");
        }
        send("[mailmigrator] batch " + batch.name() + " finished: " + failed + " failure(s)", sb.toString());
    }

    private void send(String subject, String body) {
        sender.execute(() -> {
            if (stopped != null) {
                if (!reported) {
                    reported = true;
                    problems.accept(stopped + "; no notification of this run is sent");
                }
                return;
            }
            String server = "SMTP server " + smtp.host() + ":" + smtp.port();
            try {
                try {
                    deliver(subject, body, null);
                } catch (AuthenticationFailedException e) {
                    if (tokens.isEmpty()) {
                        throw e;
                    }
                    deliver(subject, body, e); // an OAuth2 token the server no longer takes: renewed once
                }
            } catch (ConnectorException e) {
                stop(server + ": no OAuth2 token for " + smtp.login().orElse("") + ": " + e.getMessage(), subject);
            } catch (AuthenticationFailedException e) {
                stop(server + " refused the login " + smtp.login().orElse("") + (tokens.isPresent() ? " (its OAuth2 "
                        + "token, renewed once: " + tokens.get().describe() + ")" : " (wrong password?)") + ": "
                        + String.valueOf(e.getMessage()).trim(), subject);
            } catch (MessagingException | RuntimeException e) {
                Throwable tls = untrusted(e);
                if (tls != null) {
                    stop(server + ": its certificate is not trusted by the Java trust store (" + tls.getMessage()
                            + "); give it a certificate of a public CA, or add its CA to the JVM's trust store", subject);
                } else {
                    problems.accept("notification '" + subject + "' to " + to + " not sent: " + e.getMessage());
                }
            }
        });
    }

    /** A failure every later mail would meet too: said once, and no further mail is tried. */
    private void stop(String why, String subject) {
        stopped = why;
        reported = true;
        problems.accept(why + "; notification '" + subject + "' and the later ones of this run are not sent");
    }

    /** The TLS failure under {@code e}, when the server's certificate was refused: the same for every mail. */
    private static Throwable untrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof CertificateException) {
                return t;
            }
        }
        return null;
    }

    /** @param refused the refusal of the token sent last (then a renewed one is sent), or null */
    private void deliver(String subject, String body, AuthenticationFailedException refused)
            throws MessagingException, ConnectorException {
        Properties p = new Properties();
        String proto = smtp.security().equals("tls") ? "smtps" : "smtp";
        p.put("mail." + proto + ".host", smtp.host());
        p.put("mail." + proto + ".port", String.valueOf(smtp.port()));
        p.put("mail." + proto + ".connectiontimeout", "10000");
        p.put("mail." + proto + ".timeout", "30000");
        if (smtp.security().equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.login().isPresent()) {
            p.put("mail." + proto + ".auth", "true");
        }
        String secret = null;
        if (tokens.isPresent()) {
            // Angus Mail's own XOAUTH2 (enabled by naming it): the token goes where the password would
            p.put("mail." + proto + ".auth.mechanisms", "XOAUTH2");
            SignIn.TokenSource source = tokens.get();
            secret = new String((refused == null ? source.accessToken() : source.refresh(lastToken)).reveal());
            lastToken = Secret.of(secret);
        } else if (smtp.login().isPresent()) {
            secret = new String(password.orElseThrow().reveal());
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader (BUILD-NOTES pitfall 8)
        Thread.currentThread().setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(p);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(smtp.from()));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date());
            m.setText(body, "UTF-8");
            try (Transport t = session.getTransport(proto)) {
                if (smtp.login().isPresent()) {
                    t.connect(smtp.host(), smtp.port(), smtp.login().get(), secret);
                } else {
                    t.connect();
                }
                t.sendMessage(m, m.getAllRecipients());
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Waits for the mails already queued. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
