package org.mailmigrator.batch.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.mailmigrator.testing.Postgres;

/** The command lines of the fleet tests: a command given the test database, and the plugin.xml files of a child CLI. */
final class FleetCli {
    private FleetCli() {
    }

    /** {@code args} with {@code --store URL --store-password-file FILE} (the file written once under {@code root}). */
    static List<String> store(Postgres pg, Path root, String db, String... args) throws IOException {
        Path pw = root.resolve("store.pw");
        if (!Files.exists(pw)) {
            Files.writeString(pw, pg.password() + "\n");
        }
        return Stream.concat(Stream.of(args), Stream.of("--store", pg.url(db), "--store-password-file", pw.toString()))
                .toList();
    }

    /**
     * {@link WorkerCliChild}'s leading arguments: {@code BUNDLE=PLUGIN_XML} for the bundle of each of {@code classes}
     * (copied under {@code root}), then {@code --}.
     */
    static List<String> contributions(Path root, Class<?>... classes) throws IOException {
        List<String> args = new ArrayList<>();
        for (Class<?> c : classes) {
            var bundle = org.osgi.framework.FrameworkUtil.getBundle(c);
            Path xml = root.resolve(bundle.getSymbolicName() + ".plugin.xml");
            try (var in = bundle.getEntry("plugin.xml").openStream()) {
                Files.write(xml, in.readAllBytes());
            }
            args.add(bundle.getSymbolicName() + "=" + xml);
        }
        args.add("--");
        return args;
    }
}
