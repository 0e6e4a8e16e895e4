package org.mailmigrator.ui.tests;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.cli.Cli;
import org.mailmigrator.testing.ChildJvm;

/**
 * {@code mailmigrator worker --store URL …} in a plain JVM of its own (another machine's process, with its own pid),
 * for {@link WorkbenchOnStoreTest}: the real command line over an extension registry made from the {@code plugin.xml}
 * files of the core (connectors extension point) and the IMAP connector, which the test writes out and names as
 * {@code BUNDLE=FILE} before {@code --}.
 */
public final class FleetWorkerChild {
    /** The class path: the headless product's bundles that a worker over IMAP and PostgreSQL loads. */
    static final List<String> BUNDLES = List.of("org.mailmigrator.ui.tests", "org.mailmigrator.core", "org.mailmigrator.batch",
            "org.mailmigrator.cli", "picocli", "org.mailmigrator.connector.imap", "org.mailmigrator.auth",
            "org.mailmigrator.autodetect", "jakarta.mail-api", "org.eclipse.angus.mail", "angus-activation",
            "jakarta.activation-api", "com.h2database", "org.apache.commons.commons-csv", "org.apache.commons.commons-io",
            "org.apache.commons.commons-codec", "org.eclipse.core.jobs", "org.eclipse.equinox.common", "org.eclipse.osgi",
            "org.eclipse.equinox.registry", "org.eclipse.core.runtime", "oauth2-oidc-sdk", "com.nimbusds.nimbus-jose-jwt",
            "net.minidev.json-smart", "com.nimbusds.content-type", "lang-tag", "org.postgresql.jdbc", "org.flywaydb.core",
            "org.flywaydb.database.postgresql", "com.github.kagkarlsson.db-scheduler", "slf4j.api");

    private FleetWorkerChild() {
    }

    /** The command for {@code workerArgs} (after {@code worker}), its contributions written into {@code dir}. */
    static ProcessBuilder command(Path dir, List<String> workerArgs) throws java.io.IOException {
        List<String> args = new ArrayList<>();
        for (Class<?> c : List.of(org.mailmigrator.core.connector.ConnectorRegistry.class,
                org.mailmigrator.connector.imap.ImapConnector.class)) {
            var bundle = org.osgi.framework.FrameworkUtil.getBundle(c);
            Path xml = dir.resolve(bundle.getSymbolicName() + ".plugin.xml");
            try (InputStream in = bundle.getEntry("plugin.xml").openStream()) {
                Files.write(xml, in.readAllBytes());
            }
            args.add(bundle.getSymbolicName() + "=" + xml);
        }
        args.add("--");
        args.add("worker");
        args.addAll(workerArgs);
        return ChildJvm.command(BUNDLES, FleetWorkerChild.class, List.of("-Xmx200m"), args);
    }

    public static void main(String[] args) throws Exception {
        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, token);
        int dash = Arrays.asList(args).indexOf("--");
        for (String given : Arrays.copyOfRange(args, 0, dash)) {
            int eq = given.indexOf('=');
            try (InputStream in = Files.newInputStream(Path.of(given.substring(eq + 1)))) {
                registry.addContribution(in, ContributorFactorySimple.createContributor(given.substring(0, eq)), false,
                        given.substring(0, eq), null, token);
            }
        }
        // the service's implementation, as Declarative Services makes it in the product (no OSGi here)
        WorkspaceService service = (WorkspaceService) Class.forName("org.mailmigrator.batch.internal.WorkspaceRegistry")
                .getConstructor(IExtensionRegistry.class).newInstance(registry);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(service, Arrays.copyOfRange(args, dash + 1, args.length), out, err));
    }
}
