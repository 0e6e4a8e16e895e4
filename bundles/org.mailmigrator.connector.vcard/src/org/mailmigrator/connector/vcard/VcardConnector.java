package org.mailmigrator.connector.vcard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.connector.vcard.internal.VcfFile;
import org.mailmigrator.core.pim.FileSetReader;
import org.mailmigrator.core.pim.FileSourceConnector;
import org.mailmigrator.core.pim.PimReader;

/** Source of contacts from .vcf files, read one card at a time. */
public final class VcardConnector extends FileSourceConnector {

    public VcardConnector() {
        super("vcard", ".vcf");
    }

    @Override
    protected FileSetReader.FileParser parser(Optional<String> collection) {
        return new FileSetReader.FileParser() {
            @Override
            public String collection(Path file) {
                return VcfFile.collection(file, collection);
            }

            @Override
            public boolean read(Path file, String name, PimReader.Sink sink) throws IOException {
                return VcfFile.read(file, name != null ? name : VcfFile.collection(file, collection), sink);
            }
        };
    }
}
