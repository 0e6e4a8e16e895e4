package org.mailmigrator.connector.imap.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A server's words as a person should read them. Angus turns response text into a string one byte per
 * character (Latin-1), so a server writing UTF-8 ("Données") showed as "DonnÃ©es"; the bytes are decoded
 * as UTF-8 when they are valid UTF-8, else kept as Latin-1. The timing suffix some servers add is dropped.
 */
final class ServerText {
    private ServerText() {
    }

    static String of(Throwable t) {
        return clean(t.getMessage());
    }

    static String clean(String serverText) {
        return serverText == null ? ""
                : decode(serverText).replaceFirst("^(?:\\*|[A-Za-z0-9.]+) (?:NO|BAD|BYE) ", "")
                        .replaceAll("\\s*\\(\\d+\\.\\d+ \\+ [^)]*secs\\)", "").trim();
    }

    static String decode(String text) {
        if (text == null || text.chars().allMatch(c -> c < 0x80) || text.chars().anyMatch(c -> c > 0xFF)) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return text; // not UTF-8: Latin-1 was right
        }
    }
}
