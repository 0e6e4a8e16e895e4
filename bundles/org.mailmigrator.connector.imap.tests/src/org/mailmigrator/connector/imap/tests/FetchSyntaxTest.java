package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.eclipse.angus.mail.iap.Protocol;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailmigrator.connector.imap.internal.FetchSyntax;

/**
 * FETCH answers in every legal form are read by Angus's own parser after the connector's rewrite, and the
 * message bytes inside literals are never touched (even when they look like a partial-fetch origin).
 */
class FetchSyntaxTest {
    private static final String BODY = "Subject: x\r\n\r\nBODY[]<0.1048576> ~{3}\r\n\"q\"";

    @ParameterizedTest
    @ValueSource(strings = {
            "* 1 FETCH (UID 5 BODY[]<0.1048576> {%d}\r\n%s)\r\n", // origin and length (hoodiecrow)
            "* 1 FETCH (BODY[]<0.1048576> {%d}\r\n%s UID 5)\r\n", // UID after the body
            "* 1 FETCH (UID 5 BODY[]<0> {%d}\r\n%s)\r\n",         // the standard form
            "* 1 FETCH (UID 5 BODY[] ~{%d}\r\n%s)\r\n",           // literal8
            "* 1 FETCH (UID 5 FLAGS (\\Seen) BODY[]<0.99> ~{%d}\r\n%s)\r\n" })
    void everyLegalFormGivesTheExactBytes(String form) throws Exception {
        FetchResponse f = parse(String.format(form, BODY.length(), BODY));
        assertEquals(5, f.getItem(UID.class).uid);
        BODY b = f.getItem(BODY.class);
        assertEquals(BODY, new String(b.getByteArray().getNewBytes(), StandardCharsets.ISO_8859_1));
        assertTrue(b.getOrigin() <= 0, "origin " + b.getOrigin()); // 0, or -1 where the server named none
    }

    @Test
    void aLaterChunkKeepsItsOrigin() throws Exception {
        FetchResponse f = parse("* 3 FETCH (UID 9 BODY[]<1048576.1048576> {2}\r\nab)\r\n");
        assertEquals(1048576, f.getItem(BODY.class).getOrigin());
        assertEquals("ab", new String(f.getItem(BODY.class).getByteArray().getNewBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void quotedStringsAndLiteralsAreCopiedAsTheyAre() {
        byte[] in = "(X \"a]<1.2>\" BODY[]<0.5> {9}\r\n]<0.5> ~{1)".getBytes(StandardCharsets.US_ASCII);
        byte[] out = FetchSyntax.normalize(in, 0, in.length);
        assertArrayEquals("(X \"a]<1.2>\" BODY[]<0> {9}\r\n]<0.5> ~{1)".getBytes(StandardCharsets.US_ASCII), out);
        byte[] standard = "(UID 1 BODY[]<0> {1}\r\nx)".getBytes(StandardCharsets.US_ASCII);
        assertNull(FetchSyntax.normalize(standard, 0, standard.length), "nothing to rewrite");
    }

    private static FetchResponse parse(String response) throws Exception {
        Protocol p = new Protocol(new ByteArrayInputStream(new byte[0]), new PrintStream(PrintStream.nullOutputStream()),
                new Properties(), false);
        return FetchSyntax.parse(new IMAPResponse(response), null, p);
    }
}
