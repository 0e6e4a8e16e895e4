package org.mailmigrator.batch.internal;

import org.mailmigrator.batch.run.PimTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.Secret;

/**
 * The calendar/contacts columns of the native format: {@code calendar.source}, {@code calendar.target},
 * {@code calendar.password} and the same for {@code contacts}. A leg whose three cells are empty is absent;
 * otherwise all three are required, the source must be an absolute path to an existing file of the leg's
 * kind ({@code .ics} / {@code .vcf}) or a folder holding some, or a CalDAV/CardDAV source
 * ({@link org.mailmigrator.batch.run.PimSource}), the target a URL of a protocol that takes it.
 */
final class PimColumns {
    static final List<String> NAMES = List.of("calendar.source", "calendar.target", "calendar.password",
            "contacts.source", "contacts.target", "contacts.password");

    private PimColumns() {
    }

    /** A leg read from a row, before it has the row's id (its credential reference is set by {@link Rows}). */
    record Pending(PimLeg.Kind kind, String source, String target, Secret password) {
        PimLeg leg(String migrationId) {
            return new PimLeg(kind, source, target, new CredentialRef(migrationId + "/" + kind.id()));
        }
    }

    /** Header problems: a kind with some of its three columns but not all. */
    static void header(CsvRow h, List<String> names) {
        for (PimLeg.Kind k : PimLeg.Kind.values()) {
            List<String> mine = List.of(k.id() + ".source", k.id() + ".target", k.id() + ".password");
            long present = mine.stream().filter(names::contains).count();
            if (present > 0 && present < 3) {
                h.problem(-1, "the header needs all of " + String.join(", ", mine) + " (or none of them)");
            }
        }
    }

    static List<Pending> read(CsvRow r, List<String> names) {
        List<Pending> out = new ArrayList<>();
        for (PimLeg.Kind k : PimLeg.Kind.values()) {
            int src = names.indexOf(k.id() + ".source");
            int dst = names.indexOf(k.id() + ".target");
            int pw = names.indexOf(k.id() + ".password");
            if (src < 0 || r.cell(src).isEmpty() && r.cell(dst).isEmpty() && r.raw(pw).isEmpty()) {
                continue;
            }
            String source = r.required(src);
            String target = r.required(dst);
            // a leg without a password of its own signs in with the row's OAuth2 destination (LegSignIn)
            Secret password = (pw < 0 || r.raw(pw).isEmpty()) && oauthDestination(r, names) ? Secret.of("")
                    : r.password(pw);
            if (!source.isEmpty()) {
                checkSource(r, src, source, k);
            }
            if (!target.isEmpty()) {
                try {
                    PimTarget.parse(target, k, r.connectors()); // the protocols the installed connectors declare
                } catch (IllegalArgumentException e) {
                    r.problem(dst, e.getMessage());
                }
            }
            out.add(new Pending(k, source, target, password));
        }
        return out;
    }

    private static void checkSource(CsvRow r, int col, String source, PimLeg.Kind kind) {
        if (org.mailmigrator.batch.run.PimSource.isAccount(source)) {
            org.mailmigrator.batch.run.PimSource.problem(source, kind).ifPresent(p -> r.problem(col, p));
            return;
        }
        var reader = org.mailmigrator.batch.run.PimSource.pathReader(source, name -> r.connectors().stream()
                .filter(c -> c.addressing().scheme(name).isPresent()).findFirst());
        if (reader.isPresent()) { // an Outlook file: pst:/home/alice/archive.pst (docs/file-sources.md)
            checkFile(r, col, source, reader.get(), kind);
            return;
        }
        String suffix = kind == PimLeg.Kind.CALENDAR ? ".ics" : ".vcf";
        Path p = Path.of(source);
        if (!p.isAbsolute()) {
            r.problem(col, "'" + source + "' must be an absolute path (a batch may run from another folder)");
        } else if (Files.isRegularFile(p)) {
            if (!name(p).endsWith(suffix)) {
                r.problem(col, "'" + source + "' is not a " + suffix + " file");
            }
        } else if (Files.isDirectory(p)) {
            try (Stream<Path> list = Files.list(p)) {
                if (list.noneMatch(f -> name(f).endsWith(suffix))) {
                    r.problem(col, "the folder '" + source + "' holds no " + suffix + " file");
                }
            } catch (IOException e) {
                r.problem(col, "the folder '" + source + "' cannot be listed: " + e.getMessage());
            }
        } else {
            r.problem(col, "'" + source + "' does not exist");
        }
    }

    /** {@code SCHEME:PATH} of a path-valued connector: an absolute path to an existing file, of a connector reading the leg's items. */
    private static void checkFile(CsvRow r, int col, String source, org.mailmigrator.core.connector.ConnectorDescriptor c,
            PimLeg.Kind kind) {
        Path p = Path.of(source.substring(source.indexOf(':') + 1).trim());
        if (c.kinds().stream().noneMatch(org.mailmigrator.batch.run.PimTarget.kinds(kind)::contains)) {
            r.problem(col, "'" + source + "': connector '" + c.id() + "' reads no " + kind.id());
        } else if (!p.isAbsolute()) {
            r.problem(col, "'" + source + "' must be an absolute path (a batch may run from another folder)");
        } else if (!Files.exists(p)) {
            r.problem(col, "'" + p + "' does not exist");
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** Whether the row's mail destination signs in with OAuth2 (an auth cell other than password, or a key/token file). */
    private static boolean oauthDestination(CsvRow r, List<String> names) {
        int auth = names.indexOf("destination.auth");
        String a = auth < 0 ? "" : r.cell(auth);
        if (!a.isEmpty()) {
            return !a.equalsIgnoreCase("password");
        }
        return List.of("destination.serviceaccount", "destination.tokenfile").stream().map(names::indexOf)
                .anyMatch(i -> i >= 0 && !r.cell(i).isEmpty());
    }

    /** The target passwords of the legs, by kind. */
    static Map<PimLeg.Kind, Secret> passwords(List<Pending> legs) {
        Map<PimLeg.Kind, Secret> m = new EnumMap<>(PimLeg.Kind.class);
        legs.forEach(l -> m.put(l.kind(), l.password()));
        return m;
    }
}
