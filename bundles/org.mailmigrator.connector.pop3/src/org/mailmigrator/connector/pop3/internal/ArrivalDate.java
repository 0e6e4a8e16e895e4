package org.mailmigrator.connector.pop3.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

/**
 * What a message's header says about it, for a source that gives nothing but the bytes (POP3): its arrival date
 * and its subject.
 * <p>
 * The arrival date is the date of the <em>last</em> {@code Received:} header added, which is the first in the
 * header section (each relay puts its own on top): the moment the mailbox's own server took the message, what an
 * IMAP server would have kept as INTERNALDATE. A message without a readable one gets its {@code Date:} (when it was
 * written), and one without either gets the time of the copy.
 */
record ArrivalDate(Instant date, String source, String subject) {

    static ArrivalDate of(byte[] header, Instant now) {
        InternetHeaders h;
        try {
            h = new InternetHeaders(new ByteArrayInputStream(header));
        } catch (MessagingException e) {
            return new ArrivalDate(now, "now", null);
        }
        String subject = decoded(h.getHeader("Subject", null));
        String[] received = h.getHeader("Received");
        if (received != null && received.length > 0) {
            int semicolon = received[0].lastIndexOf(';');
            Instant d = semicolon < 0 ? null : parse(received[0].substring(semicolon + 1));
            if (d != null) {
                return new ArrivalDate(d, "Received", subject);
            }
        }
        Instant written = parse(h.getHeader("Date", null));
        return written != null ? new ArrivalDate(written, "Date", subject) : new ArrivalDate(now, "now", subject);
    }

    private static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Date d = new MailDateFormat().parse(text.replaceAll("\\s+", " ").trim());
            return d == null ? null : d.toInstant();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    private static String decoded(String text) {
        if (text == null) {
            return null;
        }
        String unfolded = text.replaceAll("\r?\n[ \t]", " ");
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }
}
