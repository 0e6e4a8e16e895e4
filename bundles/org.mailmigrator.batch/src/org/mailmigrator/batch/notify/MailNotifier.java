package org.mailmigrator.batch.notify;

import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchListener;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.MigrationProgress;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the batch's notification mails over SMTP (Angus Mail): batch started, each migration failed, and
 * the batch finished (a digest with totals and the failures). Mails go out from one background thread so a
 * slow SMTP server never holds a migration; a mail that cannot be sent is reported to {@code problems}.
 */
public final class MailNotifier implements BatchListener, AutoCloseable {
    private final SmtpSettings smtp;
    private final String to;
    private final Consumer<String> problems;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mailmigrator-notify");
        t.setDaemon(true);
        return t;
    });

    public MailNotifier(SmtpSettings smtp, String to, Consumer<String> problems) {
        this.smtp = smtp;
        this.to = to;
        this.problems = problems;
    }

    @Override
    public void batchStarted(BatchSpec batch) {
        send("[mailmigrator] batch " + batch.name() + " started", "Batch " + batch.name() + " started with "
                + batch.migrations().size() + " migration(s), " + batch.concurrency() + " at a time, at most "
                + batch.perHostLimit() + " connection(s) per server.\n");
    }

    @Override
    public void migrationChanged(String batch, MigrationState state) {
        if (state.status() == MigrationStatus.FAILED) {
            send("[mailmigrator] " + batch + ": migration " + state.migrationId() + " failed", "Migration "
                    + state.migrationId() + " of batch " + batch + " failed:\n\n" + state.lastError().orElse("(no reason)")
                    + "\n");
        }
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
            try {
                deliver(subject, body);
            } catch (MessagingException | RuntimeException e) {
                problems.accept("notification '" + subject + "' to " + to + " not sent: " + e.getMessage());
            }
        });
    }

    private void deliver(String subject, String body) throws MessagingException {
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
                t.connect();
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
