package org.mailmigrator.batch.tests;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.mailmigrator.batch.csv.CsvFormats;
import org.mailmigrator.batch.csv.CsvImporter;
import org.mailmigrator.core.connector.ConnectorRegistry;

/**
 * What a test reads from the running platform's extension registry. A test is an edge, as a command or the
 * workspace service is: the classes under test receive their registries, they never look the platform up.
 */
final class Platform {
    private Platform() {
    }

    static IExtensionRegistry extensions() {
        return RegistryFactory.getRegistry();
    }

    static CsvFormats formats() {
        return CsvFormats.of(extensions());
    }

    static CsvImporter importer(ConnectorRegistry registry) {
        return new CsvImporter(registry, formats());
    }
}
