package org.mailmigrator.cli.internal;

import java.io.PrintWriter;
import java.util.List;

import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;

/** Prints the installed connectors as the workbench's Connectors view shows them. */
final class ConnectorsTable {
    private final ConnectorRegistry registry;

    ConnectorsTable(ConnectorRegistry registry) {
        this.registry = registry;
    }

    int print(PrintWriter out) {
        List<ConnectorDescriptor> connectors = registry.connectors();
        String format = "%-16s %-22s %-20s %-28s %s%n";
        out.printf(format, "ID", "NAME", "ROLES", "KINDS", "SETTINGS");
        for (ConnectorDescriptor c : connectors) {
            out.printf(format, c.id(), c.name(), c.rolesText(), c.kindsText(), c.settingsText());
        }
        out.printf("%d connector(s).%n", connectors.size());
        List<String> problems = registry.problems();
        if (!problems.isEmpty()) {
            out.printf("%nSkipped %d broken contribution(s):%n", problems.size());
            problems.forEach(p -> out.println("  - " + p));
        }
        return 0;
    }
}
