package org.mailmigrator.demo.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * One generated message as raw RFC 5322 bytes, the same bytes for the same arguments: headers are written
 * here (never by Jakarta Mail, whose Message-ID and boundaries are random), an attachment is seeded noise.
 */
public record SampleMail(String folder, byte[] bytes, Set<String> flags, ZonedDateTime date) {
    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    /** What a message says and carries; {@code messageId} null makes a message without Message-ID. */
    public record Content(String from, String to, String subject, String body, String messageId, int attachmentBytes,
            long seed) {
    }

    public static SampleMail of(String folder, Content c, Set<String> flags, ZonedDateTime date) {
        StringBuilder h = new StringBuilder();
        h.append("Date: ").append(RFC_5322.format(date.withZoneSameInstant(ZoneOffset.ofHours(1)))).append("\r\n");
        h.append("From: ").append(c.from()).append("\r\n");
        h.append("To: ").append(c.to()).append("\r\n");
        h.append("Subject: ").append(encodedWord(c.subject())).append("\r\n");
        if (c.messageId() != null) {
            h.append("Message-ID: <").append(c.messageId()).append(">\r\n");
        }
        h.append("MIME-Version: 1.0\r\n");
        String text = c.body().replace("\n", "\r\n") + "\r\n";
        if (c.attachmentBytes() <= 0) {
            h.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").append(text);
            return new SampleMail(folder, h.toString().getBytes(StandardCharsets.UTF_8), flags, date);
        }
        String boundary = "=_demo_" + Long.toHexString(c.seed());
        h.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        h.append("--").append(boundary).append("\r\n");
        h.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").append(text);
        h.append("--").append(boundary).append("\r\n");
        String name = "report-" + Long.toHexString(c.seed()) + ".bin";
        h.append("Content-Type: application/octet-stream; name=\"").append(name).append("\"\r\n");
        h.append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n");
        h.append("Content-Transfer-Encoding: base64\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + c.attachmentBytes() * 4 / 3 + 200);
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[c.attachmentBytes()];
        new Random(c.seed()).nextBytes(noise);
        out.writeBytes(Base64.getMimeEncoder(76, new byte[] { '\r', '\n' }).encode(noise));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new SampleMail(folder, out.toByteArray(), flags, date);
    }

    /** RFC 2047 B-encoding for a subject that is not plain ASCII. */
    private static String encodedWord(String text) {
        if (text.chars().allMatch(ch -> ch >= 32 && ch < 127)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
