package org.mailmigrator.connector.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailmigrator.connector.imap.internal.Subjects;

import jakarta.mail.internet.MimeUtility;

/**
 * The connector's own Subject scan and RFC 2047 decoder give what the regular expression and
 * {@link MimeUtility#decodeText} gave before (the reference, computed here for every case): well-formed words in
 * B and Q, several charsets, adjacent words, words between plain text, and the odd forms (unknown charset,
 * malformed base64 or Q, trailing text, a language tag, an empty word).
 */
class SubjectsTest {
    private static final Pattern OLD = Pattern.compile("(?im)^Subject:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)");

    @ParameterizedTest
    @ValueSource(strings = { "plain subject", "=?UTF-8?B?UmXDp3VzIGV0IGZhY3R1cmVz?=",
            "=?utf-8?q?Re=C3=A7us_et_factures?=", "=?ISO-8859-1?Q?Caf=E9?= au lait",
            "Re: =?UTF-8?B?5pel5pys6Kqe?= =?UTF-8?B?44OV44Kp44Or44OA?= fin",
            "=?utf-8?Q?a?=  =?utf-8?Q?b?=\t=?utf-8?Q?c?=", "x =?utf-8?Q?a?= y", "=?unknown-cs?Q?abc?=",
            "=?utf-8?B?not base64!?=", "=?utf-8?B?YWJj?", "=?utf-8?Q?bad=ZZhex?=", "=?utf-8?Q?a?=tail",
            "=?utf-8*en?Q?with_language?=", "=?utf-8?B??=", "=?utf-8?X?abc?=", "=?windows-1252?Q?=80uro?=",
            "=?koi8-r?B?8NLJ18XU?= =?koi8-r?B?INfT?=", "a=?utf-8?Q?x?=b", "=?", "=??=", "=?utf-8?B?YQ==?==?utf-8?B?Yg==?=",
            "=?UTF-8?B?8J+TtyBQaG90b3M=?=", "=?us-ascii?Q?=3D=3F_not_a_word_=3F=3D?=" })
    void decodesAsMimeUtilityDoes(String raw) throws Exception {
        String reference;
        try {
            reference = MimeUtility.decodeText(raw);
        } catch (java.io.UnsupportedEncodingException e) {
            reference = raw;
        }
        assertEquals(reference, Subjects.decode(raw), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = { "From: a\r\nSubject: hello\r\nTo: b\r\n\r\n", "subject:no space\r\n\r\n",
            "X: 1\r\nSUBJECT:  \t folded\r\n  twice\r\n\tthrice\r\nTo: b\r\n\r\n", "From: a\r\nTo: b\r\n\r\n",
            "X-Subject: not this\r\nSubject: this\r\n\r\n", "Subject: first\r\nSubject: second\r\n\r\n",
            "Subject: lf only\n continued\nTo: x\n\n", "Subject: trailing blanks   \r\n\r\n", "Subject:\r\n\r\n",
            "From: a\r\n Subject: a continuation, not a field\r\n\r\n", "Subject: caf\u00e9 8bit\r\n\r\n" })
    void findsTheFieldAsTheRegularExpressionDid(String header) {
        byte[] b = ("XX" + header + "YY").getBytes(StandardCharsets.ISO_8859_1);
        Matcher m = OLD.matcher(header);
        String field = Subjects.field(b, 2, b.length - 2);
        if (!m.find()) {
            assertNull(field, header);
            return;
        }
        assertEquals(m.group(1).replaceAll("\\r?\\n[ \\t]", " ").trim(), field, header);
    }
}
