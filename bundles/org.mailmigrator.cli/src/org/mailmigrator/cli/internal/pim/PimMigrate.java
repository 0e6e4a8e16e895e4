package org.mailmigrator.cli.internal.pim;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.mailmigrator.cli.internal.Passwords;
import org.mailmigrator.cli.internal.migrate.ExitCodes;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * {@code migrate --source FILE.ics|FILE.vcf|DIR --target caldav+https://...|carddav+https://...|ews+https://...}:
 * calendars, tasks and contacts from files into a server, idempotently (state kept per source and target).
 * Reached from the migrate command when its source is a file or folder or its target a PIM URL.
 */
public final class PimMigrate {
    private final ConnectorRegistry registry;
    private final PrintWriter out;
    private final PrintWriter err;

    public PimMigrate(ConnectorRegistry registry, PrintWriter out, PrintWriter err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    /**
     * Whether {@code migrate} should take this path: a local source, or a calendar/contacts target. An IMAP
     * source into {@code ews+} is mail (docs/ews-mail.md) and takes the mail path.
     */
    public static boolean applies(String source, String target) {
        if (source != null && !source.contains("://")) {
            return true;
        }
        String src = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        // a URL source is a mail account of some connector's scheme (imaps://, a contributed one...)
        boolean mailIntoEws = src.contains("://") && target != null && target.trim().toLowerCase(Locale.ROOT).startsWith("ews+");
        return target != null && PimTarget.looksLikeOne(target) && !mailIntoEws;
    }

    public int run(String source, String target, Path passwordFile, boolean allowPlaintext, Path stateDir, Path reportFile) {
        PimTarget dst;
        List<Account> sources;
        Secret password;
        try {
            dst = PimTarget.parse(target, allowPlaintext);
            sources = sources(Path.of(source));
            password = Passwords.find("target", passwordFile, "MAILMIGRATOR_TARGET_PASSWORD", dst.toString());
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator migrate: " + e.getMessage());
            err.flush();
            return 2;
        }
        List<PimOutcome> all = new ArrayList<>();
        String failure = null;
        ConnectorException.AccountFailure.Reason reason = null;
        try (ConnectorSession out = registry.create(dst.connectorId()).open(dst.account(allowPlaintext), Role.DESTINATION,
                ConnectContext.of(password)); PimState state = PimState.openEmbedded(stateDir, stateName(source, dst))) {
            PimWriter writer = out.capability(PimWriter.class).orElseThrow();
            for (Account src : sources) {
                try (ConnectorSession in = registry.create(src.connectorId()).open(src, Role.SOURCE, ConnectContext.of(null))) {
                    PimReader reader = in.capability(PimReader.class).orElseThrow();
                    PimReport report = new PimMigration(skipOtherKinds(reader, dst), writer, state, dst.kinds(), this::print).run();
                    all.addAll(report.outcomes());
                    if (report.failure() != null) {
                        failure = report.failure();
                        reason = report.reason();
                        break;
                    }
                }
            }
        } catch (ConnectorException.AccountFailure e) {
            failure = e.getMessage();
            reason = e.reason();
        } catch (Exception e) {
            failure = e.getMessage();
        }
        PimReport total = new PimReport(all, failure, reason);
        this.out.printf(Locale.ROOT, "created %d, updated %d, unchanged %d, failed %d, with notes %d%n", total.created(),
                total.updated(), total.unchanged(), total.failures().size(), total.itemsWithNotes());
        total.notes().forEach(n -> this.out.println("note: " + n));
        this.out.flush();
        if (failure != null) {
            err.println("mailmigrator migrate: " + failure);
        }
        int code = ExitCodes.of(outcome(total));
        if (reportFile != null) {
            try {
                PimReportFile.write(reportFile, source, dst, total, code);
            } catch (java.io.IOException e) {
                err.println("mailmigrator migrate: cannot write the report " + reportFile + ": " + e.getMessage());
            }
        }
        err.flush();
        return code;
    }

    private void print(PimOutcome o) {
        if (o instanceof PimOutcome.Failed f) {
            err.println(f.describe());
        }
    }

    /** Items of a kind the target does not take (contacts to CalDAV) are reported, never dropped silently. */
    private static PimReader skipOtherKinds(PimReader reader, PimTarget dst) {
        return () -> reader.read().stream().map(e -> e instanceof PimEntry.Item i && !dst.kinds().contains(i.item().kind())
                ? (PimEntry) new PimEntry.Malformed(i.item().describe(), "a " + dst.protocol() + " target takes no " + i.item().kind().id())
                : e).toList();
    }

    private static Outcome outcome(PimReport r) {
        if (r.failure() == null) {
            return r.failures().isEmpty() ? Outcome.COMPLETED : Outcome.ITEMS_SKIPPED;
        }
        if (r.reason() == null) {
            return Outcome.ACCOUNT_FAILED;
        }
        return switch (r.reason()) {
            case CONNECTION -> Outcome.CONNECTION_FAILED;
            case AUTHENTICATION -> Outcome.AUTHENTICATION_FAILED;
            case CERTIFICATE -> Outcome.CERTIFICATE_REJECTED;
            case CONFIGURATION -> Outcome.ACCOUNT_FAILED;
        };
    }

    /** An .ics file, a .vcf file, or a folder holding either or both. */
    static List<Account> sources(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--source " + path + " does not exist");
        }
        List<String> names;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                names = list.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)).toList();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--source " + path + " cannot be listed: " + e.getMessage());
            }
        } else {
            names = List.of(path.getFileName().toString().toLowerCase(Locale.ROOT));
        }
        List<Account> accounts = new ArrayList<>();
        if (names.stream().anyMatch(n -> n.endsWith(".ics"))) {
            accounts.add(new Account("ical", Map.of("path", path.toString()), null));
        }
        if (names.stream().anyMatch(n -> n.endsWith(".vcf"))) {
            accounts.add(new Account("vcard", Map.of("path", path.toString()), null));
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("--source " + path + " is neither an .ics or .vcf file nor a folder holding some");
        }
        return accounts;
    }

    static String stateName(String source, PimTarget dst) throws Exception {
        String key = Path.of(source).toAbsolutePath().normalize() + " -> " + dst;
        return "pim-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8)
               ;
    }
}
