package org.mailmigrator.batch.tests;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.mailmigrator.batch.internal.WorkspaceRegistry;
import org.mailmigrator.cli.Cli;

/**
 * The real command line ({@link Cli}: {@code mailmigrator worker …}, {@code batch run …}) in a plain JVM (no OSGi) that
 * a test can signal for real (SIGTERM): its extension registry is made here from the {@code plugin.xml} files the test
 * hands over (core's connectors extension point, the IMAP connector), so the command sees the IMAP connector as the
 * product does. Arguments: {@code BUNDLE=PLUGIN_XML}… {@code --} then the command line.
 */
public final class WorkerCliChild {
    static final List<String> BUNDLES = java.util.stream.Stream.concat(PgWorkerChild.BUNDLES.stream(),
            java.util.stream.Stream.of("org.mailmigrator.cli", "picocli", "org.eclipse.core.runtime")).toList();

    private WorkerCliChild() {
    }

    /**
     * The arguments before {@code --} (that included) for this OSGi framework's core and IMAP connector and the bundles
     * of {@code more}: their {@code plugin.xml} files written to {@code dir}.
     */
    static List<String> contributions(Path dir, Class<?>... more) throws java.io.IOException {
        List<String> args = new java.util.ArrayList<>();
        List<Class<?>> classes = new java.util.ArrayList<>(List.of(org.mailmigrator.core.connector.ConnectorRegistry.class,
                org.mailmigrator.connector.imap.ImapConnector.class));
        classes.addAll(List.of(more));
        for (Class<?> c : classes) {
            var bundle = org.osgi.framework.FrameworkUtil.getBundle(c);
            Path xml = dir.resolve(bundle.getSymbolicName() + ".plugin.xml");
            try (var in = bundle.getEntry("plugin.xml").openStream()) {
                Files.write(xml, in.readAllBytes());
            }
            args.add(bundle.getSymbolicName() + "=" + xml);
        }
        args.add("--");
        return args;
    }

    public static void main(String[] args) throws Exception {
        Object token = new Object();
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, token, token);
        int dash = Arrays.asList(args).indexOf("--");
        for (String contribution : Arrays.copyOfRange(args, 0, dash)) {
            String bundle = contribution.substring(0, contribution.indexOf('='));
            try (InputStream in = Files.newInputStream(Path.of(contribution.substring(bundle.length() + 1)))) {
                registry.addContribution(in, ContributorFactorySimple.createContributor(bundle), false, bundle, null, token);
            }
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.run(new WorkspaceRegistry(registry), Arrays.copyOfRange(args, dash + 1, args.length), out, err);
        System.exit(code);
    }
}
