package org.mailmigrator.batch.csv;

import java.util.List;
import java.util.Map;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.Secret;

/**
 * One valid row: the migration (credentials as references) and its passwords, masked by {@link Secret};
 * with its calendar/contacts legs and their target passwords, by leg kind.
 */
public record ImportedPair(int line, Migration migration, Secret sourcePassword, Secret destinationPassword,
        List<PimLeg> pim, Map<PimLeg.Kind, Secret> pimPasswords) {

    public ImportedPair(int line, Migration migration, Secret sourcePassword, Secret destinationPassword) {
        this(line, migration, sourcePassword, destinationPassword, List.of(), Map.of());
    }

    public ImportedPair {
        pim = List.copyOf(pim);
        pimPasswords = Map.copyOf(pimPasswords);
    }
}
