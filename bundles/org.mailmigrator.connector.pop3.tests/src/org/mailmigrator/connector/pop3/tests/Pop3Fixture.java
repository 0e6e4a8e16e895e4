package org.mailmigrator.connector.pop3.tests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.mailmigrator.testing.Dovecot;

/**
 * Test messages whose arrival dates are known in advance, as a mail server would hold them (CRLF lines): one with
 * two {@code Received:} headers (the arrival is the top one), one with only a {@code Date:}, one with neither; one
 * without Message-ID; large ones.
 */
final class Pop3Fixture {
    static final String PASSWORD = Dovecot.PASSWORD;
    /** The top (last added) Received: of {@link #received}: the arrival date the copy must carry. */
    static final Instant RECEIVED = Instant.parse("2020-03-03T09:15:30Z");
    static final Instant WRITTEN = Instant.parse("2019-11-05T17:45:00Z");

    private Pop3Fixture() {
    }

    static byte[] received(String id) {
        return crlf("Received: from relay.example.org (relay.example.org [192.0.2.7])\n\tby mx.example.org with ESMTPS"
                + " id 4f2a; Tue, 3 Mar 2020 10:15:30 +0100\n"
                + "Received: from client.example.net by relay.example.org; Tue, 3 Mar 2020 10:14:00 +0100\n"
                + "Date: Mon, 2 Mar 2020 09:00:00 +0000\n" + common(id, "relayed") + "relayed message " + id + "\n");
    }

    static byte[] dated(String id) {
        return crlf("Date: Tue, 5 Nov 2019 18:45:00 +0100\n" + common(id, "=?UTF-8?Q?caf=C3=A9?=") + "only a Date\n");
    }

    static byte[] undated(String id) {
        return crlf(common(id, "no date") + "neither Received nor Date\n.leading dot line\n..two dots\n");
    }

    /** A message without Message-ID and without Date: (as some scanners and scripts deliver them). */
    static byte[] withoutId(String id) {
        return crlf("From: Alice <alice@example.org>\nTo: bob@example.org\nSubject: no id " + id
                + "\n\nno Message-ID, the subject says " + id + "\n");
    }

    /** A message of {@code body} bytes of body in 76-character lines, its Message-ID {@code id}. */
    static byte[] big(String id, int body) {
        StringBuilder b = new StringBuilder("From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nMessage-ID: <" + id
                + "@pop3.test>\r\nSubject: large " + id + "\r\nDate: Tue, 5 Nov 2019 18:45:00 +0100\r\n\r\n");
        int line = 0;
        while (b.length() < body) {
            String text = id + " line " + (line++) + " ";
            b.append(text.repeat(Math.max(1, 74 / text.length()))).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String common(String id, String subject) {
        return "From: Alice <alice@example.org>\nTo: bob@example.org\nMessage-ID: <" + id + "@pop3.test>\nSubject: "
                + subject + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n";
    }

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
