package org.mailmigrator.connector.vcard;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.mailmigrator.connector.vcard.internal.VcfFile;
import org.mailmigrator.core.pim.PimReader;

/**
 * The cards of one vCard text that is not a file (a CardDAV resource, already decoded), read as a .vcf file is:
 * parsed, repaired and written as 3.0 or 4.0 the same way; a broken card is a
 * {@link org.mailmigrator.core.pim.PimEntry.Malformed} entry naming {@code name} and its line.
 */
public final class VcfText {
    private VcfText() {
    }

    /**
     * @param name       how origins name the text ({@code Contacts/card.vcf})
     * @param collection the address book its cards belong to
     * @return false when the sink asked to stop
     */
    public static boolean read(String name, String text, String collection, PimReader.Sink sink) {
        try {
            return VcfFile.read(name, text, collection, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }
}
