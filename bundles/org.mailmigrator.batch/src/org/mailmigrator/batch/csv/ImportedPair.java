package org.mailmigrator.batch.csv;

import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Secret;

/** One valid row: the migration (credentials as references) and its passwords, masked by {@link Secret}. */
public record ImportedPair(int line, Migration migration, Secret sourcePassword, Secret destinationPassword) {
}
