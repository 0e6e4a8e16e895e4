package org.mailmigrator.cli.internal.pim;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.run.PassListener;
import org.mailmigrator.batch.run.PassReport;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.batch.run.PassRunner;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.batch.run.PimSource;
import org.mailmigrator.batch.run.PimTarget;
import org.mailmigrator.cli.internal.Passwords;
import org.mailmigrator.cli.internal.migrate.ExitCodes;
import org.mailmigrator.cli.internal.migrate.SignInOptions;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.CredentialRef;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReport;

/**
 * {@code migrate --source FILE.ics|FILE.vcf|DIR|caldav+https://...|carddav+https://...|ews+https://... --target caldav+https://...|carddav+https://...|ews+https://...}:
 * calendars, tasks and contacts from files or from a CalDAV/CardDAV account into a server, as a one-row batch of legs held in memory and run
 * by the same {@link PassRunner} as a batch row (state kept per source and target, in {@code pim-HASH.mv.db}).
 * Reached from the migrate command when its source is a file or folder or its target a PIM URL.
 */
public final class PimMigrate {
    private final ConnectorRegistry registry;
    private final Presets presets;
    private final PrintWriter out;
    private final PrintWriter err;

    public PimMigrate(ConnectorRegistry registry, Presets presets, PrintWriter out, PrintWriter err) {
        this.registry = registry;
        this.presets = presets;
        this.out = out;
        this.err = err;
    }

    /**
     * Whether {@code migrate} should take this path: a local source, or a calendar/contacts target. An IMAP
     * source into {@code ews+} is mail (docs/ews-mail.md) and takes the mail path.
     */
    /**
     * An Exchange source and an Exchange target ({@code ews+} both): mail by default, calendars, tasks and contacts
     * with {@code --calendars-contacts} (docs/ews-source.md).
     */
    public static boolean exchangeToExchange(String source, String target) {
        return source != null && target != null && PimSource.isExchange(source)
                && target.trim().toLowerCase(Locale.ROOT).startsWith("ews+");
    }

    /**
     * A mail account or mail files into {@code graph+}: refused with what to do instead, since Graph is the calendar,
     * task and contacts path to Microsoft 365 and IMAP its mail path (docs/microsoft365.md); null for any other pair.
     */
    public static String mailIntoGraph(String source, String target, boolean mailFiles) {
        String t = target == null ? "" : target.trim();
        if (!t.toLowerCase(Locale.ROOT).startsWith("graph+") || source == null) {
            return null;
        }
        String s = source.trim();
        boolean mailUrl = s.contains("://") && !PimSource.isAccount(s);
        if (!mailUrl && !mailFiles) {
            return null;
        }
        String login = t.matches("(?i)graph\\+https?://[^/@]+@.*") ? t.substring(t.indexOf("://") + 3, t.indexOf('@')) : "UPN";
        return "--target " + t + " is Microsoft 365 through Graph, which takes calendars, To Do tasks and contacts, not"
                + " mail: Graph would import each message as an unsent draft and refuses one over 4 MB. Move the mail through"
                + " Exchange Online's IMAP, which keeps each message as it is: --target imaps://" + login
                + "@outlook.office365.com --target-service-account APP.json (the application's client credentials JSON;"
                + " docs/microsoft365.md), then the calendars and contacts with --source caldav+https://... or carddav+https://..."
                + " --target " + t;
    }

    public static boolean applies(String source, String target) {
        if (source != null && (!source.contains("://") || PimSource.isDav(source))) {
            return true;
        }
        if (source != null && (PimSource.isExchange(source) || PimSource.isGraph(source)) && target != null
                && target.trim().toLowerCase(Locale.ROOT).matches("(caldav|carddav)\\+.*")) {
            // Exchange's or Microsoft 365's calendars or contacts into a CalDAV/CardDAV account (docs/ews-source.md,
            // docs/microsoft365.md)
            return true;
        }
        String src = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        // a URL source is a mail account of some connector's scheme (imaps://, a contributed one...)
        boolean mailIntoEws = src.contains("://") && target != null && target.trim().toLowerCase(Locale.ROOT).startsWith("ews+");
        return target != null && PimTarget.looksLikeOne(target) && !mailIntoEws;
    }

    /** Whether the target is a CalDAV or CardDAV URL (an Outlook file's calendars or contacts go there, its mail elsewhere). */
    public static boolean davTarget(String target) {
        return target != null && target.trim().toLowerCase(Locale.ROOT).matches("(caldav|carddav)\\+.*");
    }

    /**
     * Where the state of a run lives: the folder, created and holding the named stores (moved there from the
     * folder of earlier releases when found there); null when it cannot be made (the reason is said).
     */
    @FunctionalInterface
    public interface StateDir {
        Path prepare(List<String> names);
    }

    /**
     * How the two sides sign in: a password file (or the environment) each, or the OAuth2 options of
     * {@code migrate} (docs/sign-in.md) for a CalDAV/CardDAV, Graph or EWS side, as a batch row's legs sign in.
     */
    public record Credentials(Path sourcePasswordFile, Path targetPasswordFile, SignInOptions signIn) {
    }

    public int run(String source, String target, Credentials credentials, boolean allowPlaintext, StateDir states,
            Path reportFile) throws Exception {
        PimTarget dst;
        Account dstAccount;
        List<PimLeg> legs;
        Secret password = null;
        Secret sourcePassword = null;
        PimTarget davSource = null;
        Optional<SignInOptions.Side> srcOAuth;
        Optional<SignInOptions.Side> dstOAuth;
        try {
            PimTarget parsed = PimTarget.parse(target, allowPlaintext);
            dst = parsed;
            dstAccount = named(() -> parsed.account(ConnectorFactory.of(registry), allowPlaintext, null)); // its declared scheme
            srcOAuth = credentials.signIn().source(err);
            dstOAuth = credentials.signIn().target(err);
            if (PimSource.isAccount(source)) {
                // a CalDAV/CardDAV account read straight from the provider, or an Exchange mailbox whose calendars or
                // contacts (as the target takes) are read (a URL with its login, never a password)
                davSource = davSource(source, allowPlaintext);
                String kind = davSource.protocol().equals("ews") || davSource.protocol().equals("graph") ? dst.protocol()
                        : davSource.protocol();
                legs = exchangeToExchange(source, target) // both legs: calendars and tasks, then contacts
                        ? List.of(new PimLeg(PimLeg.Kind.CALENDAR, source.trim(), target.trim(), dstAccount.credential()),
                                new PimLeg(PimLeg.Kind.CONTACTS, source.trim(), target.trim(), dstAccount.credential()))
                        : List.of(new PimLeg(kind.equals("caldav") ? PimLeg.Kind.CALENDAR : PimLeg.Kind.CONTACTS,
                                source.trim(), target.trim(), dstAccount.credential()));
                sourcePassword = srcOAuth.isPresent() ? srcOAuth.get().secret()
                        : Passwords.find("source", credentials.sourcePasswordFile(), "MAILMIGRATOR_SOURCE_PASSWORD", davSource.toString());
            } else {
                if (srcOAuth.isPresent()) {
                    throw new IllegalArgumentException("--source-auth, --source-token-file and --source-service-account sign in to"
                            + " an account; the file or folder " + source.trim() + " has none");
                }
                legs = PimSource.pathReader(source, registry::forScheme).isPresent()
                        // SCHEME:PATH of a file connector reading several kinds (pst:/abs/archive.pst): one leg, the target's kind
                        ? List.of(new PimLeg(dst.protocol().equals("carddav") ? PimLeg.Kind.CONTACTS : PimLeg.Kind.CALENDAR,
                                source.trim(), target.trim(), dstAccount.credential()))
                        : legs(Path.of(source), target.trim(), dstAccount.credential());
            }
            if (dstOAuth.isEmpty()) {
                password = Passwords.find("target", credentials.targetPasswordFile(), "MAILMIGRATOR_TARGET_PASSWORD", dst.toString());
            }
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator migrate: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (SignInOptions.Failed e) { // a device sign-in not made
            err.println("mailmigrator migrate: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
        String state = stateName(source, dst);
        Path stateDir = states.prepare(List.of(state));
        if (stateDir == null) {
            return ExitCodes.FAILED;
        }
        Migration plain = row(legs, dstAccount, allowPlaintext, davSource);
        // an OAuth2 side is the row's account with its auth setting: the legs sign in with it (batch/LegSignIn)
        Migration row = new Migration(plain.id(), srcOAuth.map(o -> o.apply(plain.source())).orElse(plain.source()),
                dstOAuth.map(o -> o.apply(plain.destination())).orElse(plain.destination()), plain.options());
        Secret dstSecret = dstOAuth.map(SignInOptions.Side::secret).orElse(password);
        PassRequest request = new PassRequest(row, legs, PassRequest.Passwords.of(sourcePassword, dstSecret,
                password), RunSettings.defaults().withAllowPlaintext(allowPlaintext),
                new PassRequest.StateFiles(stateDir, state, l -> state), 1, false, PassRequest.Gate.OPEN);
        PassReport pass = new PassRunner(ConnectorFactory.of(registry), presets).run(request, new PassListener() {
            @Override
            public void item(PimOutcome o) {
                if (o instanceof PimOutcome.Failed f) {
                    err.println(f.describe());
                }
            }
        });
        PimReport total = pass.legsTotal();
        this.out.printf(Locale.ROOT, "created %d, updated %d, unchanged %d, failed %d, with notes %d%n", total.created(),
                total.updated(), total.unchanged(), total.failures().size(), total.itemsWithNotes());
        total.notes().forEach(n -> this.out.println("note: " + n));
        this.out.flush();
        if (total.failure() != null) {
            err.println("mailmigrator migrate: " + total.failure());
        }
        int code = ExitCodes.of(pass.outcome());
        if (reportFile != null) {
            try {
                PimReportFile.write(reportFile, source, dst, total, code, pass);
            } catch (java.io.IOException e) {
                err.println("mailmigrator migrate: cannot write the report " + reportFile + ": " + e.getMessage());
            }
        }
        err.flush();
        return code;
    }

    /** The one row: a legs-only migration whose source is the first leg's file connector, as a batch stores it. */
    private Migration row(List<PimLeg> legs, Account dst, boolean allowPlaintext, PimTarget davSource) {
        Set<ItemKind> kinds = new HashSet<>();
        legs.forEach(l -> kinds.addAll(PimTarget.kinds(l.kind())));
        PimLeg first = legs.get(0);
        Account source = davSource != null ? davSource.account(ConnectorFactory.of(registry), allowPlaintext, null)
                : PimSource.file(first, registry::forScheme);
        return new Migration("migrate", source, dst, new MigrationOptions(kinds, List.of(),
                        List.of(), Map.of(), false));
    }

    /** An .ics file, a .vcf file, or a folder holding either or both: a calendar leg, a contacts leg, or both. */
    static List<PimLeg> legs(Path path, String target, CredentialRef credential) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--source " + path + " does not exist");
        }
        List<String> names = names(path);
        List<PimLeg> legs = new ArrayList<>();
        if (names.stream().anyMatch(n -> n.endsWith(".ics"))) {
            legs.add(new PimLeg(PimLeg.Kind.CALENDAR, path.toString(), target, credential));
        }
        if (names.stream().anyMatch(n -> n.endsWith(".vcf"))) {
            legs.add(new PimLeg(PimLeg.Kind.CONTACTS, path.toString(), target, credential));
        }
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("--source " + path + " is neither an .ics or .vcf file nor a folder holding some");
        }
        return legs;
    }

    /** The lower-case names a source path offers: its own, or those in the folder. */
    private static List<String> names(Path path) {
        if (!Files.isDirectory(path)) {
            return path.getFileName() == null ? List.of() : List.of(path.getFileName().toString().toLowerCase(Locale.ROOT));
        }
        try (Stream<Path> list = Files.list(path)) {
            return list.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)).toList();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--source " + path + " cannot be listed: " + e.getMessage());
        }
    }

    /**
     * Whether a scheme-less source is calendars and contacts: an .ics/.vcf file (or such a name that does not exist,
     * said so by this path) or a folder holding some. Anything else may be mail files (docs/file-sources.md).
     */
    public static boolean pimPath(String source) {
        try {
            return names(Path.of(source.trim())).stream().anyMatch(n -> n.endsWith(".ics") || n.endsWith(".vcf"));
        } catch (IllegalArgumentException e) { // an invalid path, or a folder that cannot be listed
            return true; // said by the calendar/contacts path, as before mail files were read
        }
    }

    /** A target no installed connector declares is said like any other wrong {@code --target}. */
    private static Account named(java.util.function.Supplier<Account> account) {
        try {
            return account.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target " + e.getMessage(), e);
        }
    }

    /** {@code --source caldav+https://LOGIN@HOST/...}: a DAV source URL (a preset needs a batch row's mail account). */
    private static PimTarget davSource(String source, boolean allowPlaintext) {
        if (!source.trim().toLowerCase(Locale.ROOT).startsWith("caldav+") && !source.trim().toLowerCase(Locale.ROOT).startsWith("carddav+")
                && !PimSource.isExchange(source) && !PimSource.isGraph(source)) {
            throw new IllegalArgumentException("--source " + source.trim() + ": a preset is taken in a batch row (whose mail"
                    + " account names the provider); here write caldav+https://LOGIN@HOST/PATH/ or carddav+https://...");
        }
        try {
            return PimTarget.parse(source, allowPlaintext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("--target", "--source")
                    .replace("--source-password-file or MAILMIGRATOR_TARGET_PASSWORD", "--source-password-file or MAILMIGRATOR_SOURCE_PASSWORD"));
        }
    }

    /** The state file of a source and target ({@code pim-HASH}), the same name as every earlier release. */
    static String stateName(String source, PimTarget dst) throws Exception {
        boolean named = PimSource.isAccount(source) || source.trim().matches("[A-Za-z][A-Za-z0-9+.-]+:/.*"); // pst:/abs/path
        String key = (named ? source.trim() : Path.of(source).toAbsolutePath().normalize()) + " -> " + dst;
        return "pim-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }
}
