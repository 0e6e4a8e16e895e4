package org.mailmigrator.batch.csv;

import java.util.Optional;

import org.mailmigrator.core.model.Secret;

/**
 * What the file itself may not say. Exchange Online's CSV names only the mailbox and the source
 * credentials: the source server and the destination server (with one administrator password, used for
 * every destination mailbox) are given for the whole batch.
 */
public record ImportOptions(CsvFormat format, Optional<String> sourceServer, Optional<String> destinationServer,
        Optional<Secret> destinationPassword) {

    public static ImportOptions auto() {
        return new ImportOptions(CsvFormat.AUTO, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ImportOptions withFormat(CsvFormat f) {
        return new ImportOptions(f, sourceServer, destinationServer, destinationPassword);
    }
}
