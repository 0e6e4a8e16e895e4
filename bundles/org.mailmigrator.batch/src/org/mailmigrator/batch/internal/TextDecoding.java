package org.mailmigrator.batch.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a CSV file as admins' tools write it: UTF-8 with or without a byte-order mark, else
 * Windows-1252 (Excel's "CSV" on Western Windows). A file that is not valid UTF-8 is read as Windows-1252.
 */
public record TextDecoding(String text, String charset) {

    public static TextDecoding decode(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF) {
            return new TextDecoding(new String(Arrays.copyOfRange(data, 3, data.length), StandardCharsets.UTF_8),
                    "UTF-8 (BOM)");
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
            return new TextDecoding(utf8, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new TextDecoding(new String(data, Charset.forName("windows-1252")), "windows-1252");
        }
    }
}
