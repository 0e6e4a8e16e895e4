package org.mailmigrator.connector.vcard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.connector.vcard.internal.VcfFile;
import org.mailmigrator.core.pim.FileSourceConnector;
import org.mailmigrator.core.pim.PimEntry;

/** Source of contacts from .vcf files. */
public final class VcardConnector extends FileSourceConnector {

    public VcardConnector() {
        super("vcard", ".vcf");
    }

    @Override
    protected List<PimEntry> parse(Path file, Optional<String> collection) throws IOException {
        return VcfFile.read(file, collection);
    }
}
