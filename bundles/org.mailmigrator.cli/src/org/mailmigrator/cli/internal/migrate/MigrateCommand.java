package org.mailmigrator.cli.internal.migrate;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mailmigrator.batch.FileErrors;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.jobs.RunSettings;
import org.mailmigrator.batch.run.PassReport;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.batch.run.PassRunner;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.batch.run.PassSummary;
import org.mailmigrator.batch.run.StateLocation;
import org.mailmigrator.cli.internal.Arguments;
import org.mailmigrator.cli.internal.Passwords;
import org.mailmigrator.cli.internal.pim.PimMigrate;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.MessageLimits;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.model.MigrationOptions;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mailmigrator migrate}: one IMAP account into IMAP or Exchange (EWS), incremental and resumable. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copies every folder and message of an IMAP account (or of mail files: an mbox file or Thunderbird "
                + "folder, a Maildir, .eml files, a Takeout .mbox) to another IMAP account or to an Exchange "
                + "mailbox (ews+https://...), with flags and dates. "
                + "Run it again to copy only what is new; an interrupted run resumes without duplicates. "
                + "Calendars, tasks, journal entries and contacts: --source FILE.ics|FILE.vcf|DIR with --target "
                + "caldav+https://LOGIN@HOST/PATH/, carddav+https://... or ews+https://.../EWS/Exchange.asmx; each item "
                + "is copied on its own, items that cannot be migrated are listed (exit 6), repairs and anything not "
                + "kept are 'note:' lines and in --report.",
        footer = { "", "Exit codes: 0 everything copied, 2 wrong command line, 3 connection failed, "
                + "4 login refused, 5 certificate not trusted, 6 some messages skipped, 7 interrupted, 8 other failure, "
                + "10 waiting for quota (a daily transfer budget is spent; run again after the time it names)." })
public final class MigrateCommand implements Callable<Integer> {
    private final ConnectorRegistry registry;
    private final Presets presets;

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL", description = "imaps://LOGIN@HOST[:PORT], imap://..., "
            + "mail files (an mbox file or Thunderbird folder, a Maildir, a folder of .eml files, a Takeout .mbox; forced with "
            + "mbox:PATH, maildir:PATH, eml:PATH (.eml or Apple Mail .emlx), mh:PATH, takeout:PATH), a .ics/.vcf file or folder, or caldav+https://LOGIN@HOST/PATH/ / "
            + "carddav+https://... (every calendar or address book of that account), or ews+https://LOGIN@HOST/EWS/Exchange.asmx "
            + "(Exchange: its mail, or its calendars and tasks / contacts into a caldav+ / carddav+ target), or "
            + "graph+https://UPN@graph.microsoft.com/v1.0 (Microsoft 365 through Graph: its calendars and To Do tasks / contacts "
            + "into a caldav+ / carddav+ target, signing in with --source-service-account and an app's client credentials JSON)")
    private String source;
    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "imaps://LOGIN@HOST[:PORT], imap://..., ews+https://LOGIN@HOST/EWS/Exchange.asmx (Exchange), "
                    + "caldav+https://... or carddav+https://... (for .ics/.vcf sources and an Outlook .pst's calendars, tasks / contacts), "
                    + "graph+https://UPN@graph.microsoft.com/v1.0 (Microsoft 365's calendars, To Do tasks and contacts; its mail goes "
                    + "to imaps://UPN@outlook.office365.com)")
    private String target;
    @picocli.CommandLine.Mixin
    private SignInOptions signIn = new SignInOptions();
    @Option(names = "--source-password-file", paramLabel = "FILE")
    private Path sourcePasswordFile;
    @Option(names = "--target-password-file", paramLabel = "FILE")
    private Path targetPasswordFile;
    @Option(names = "--allow-plaintext", description = "imap:// without STARTTLS (never for imaps://)")
    private boolean allowPlaintext;
    @Option(names = "--calendars-contacts", description = "Exchange to Exchange (an ews+ source and target): move the"
            + " calendars, tasks and contacts instead of the mail (docs/ews-source.md)")
    private boolean calendarsContacts;
    @Option(names = "--trust-sha256", paramLabel = "HEX", description = "trust a server certificate with this SHA-256 (repeatable)")
    private List<String> trust = new ArrayList<>();
    @Option(names = "--trust-store", paramLabel = "PEM", description = "trust the certificates in this PEM file (a private CA or the servers' own)")
    private Path trustStore;
    @Option(names = "--compress", paramLabel = "off|on|auto", description = "IMAP COMPRESS=DEFLATE where the server"
            + " offers it: on, off or auto (the default: once a connection measures the link under 8 MB/s)")
    private String compress;
    @Option(names = "--dry-run", description = "print the folder plan with counts; write nothing")
    private boolean dryRun;
    @Option(names = "--include", paramLabel = "REGEX", description = "only source folders matching (repeatable)")
    private List<String> include = new ArrayList<>();
    @Option(names = "--exclude", paramLabel = "REGEX", description = "skip source folders matching (repeatable)")
    private List<String> exclude = new ArrayList<>();
    @Option(names = "--map", paramLabel = "SRC=DST", description = "put source folder SRC into DST (repeatable)")
    private List<String> map = new ArrayList<>();
    @Option(names = "--mirror", description = "also remove from the target what was deleted on the source")
    private boolean mirror;
    @Option(names = "--since", paramLabel = "DATE", description = "only messages received at or after DATE (2024-01-31, UTC)")
    private String since;
    @Option(names = "--before", paramLabel = "DATE", description = "only messages received before DATE")
    private String before;
    @Option(names = "--max-size", paramLabel = "SIZE", description = "skip (and report) messages larger than SIZE (25M, 512K)")
    private String maxSize;
    @Option(names = "--parallel", paramLabel = "N", description = "folders copied at once, each with its own connection a"
            + " side (default: 3, or 4 once the round trip to either server measures 5 ms or more)")
    private Integer parallel;
    @Option(names = "--gmail-labels-as-keywords", description = "Gmail-like source: user labels become keywords on the"
            + " message's copies instead of folders (a message with no other folder goes to Archive)")
    private boolean gmailLabelsAsKeywords;
    @Option(names = "--gmail-important-keyword", description = "Gmail-like source: Important becomes the keyword"
            + " $Important on every copy (default: left out)")
    private boolean gmailImportantKeyword;
    @Option(names = "--gmail-skip-spam-trash", description = "Gmail-like source: leave Spam and Trash out")
    private boolean gmailSkipSpamTrash;
    @Option(names = "--report", paramLabel = "FILE.json", description = "write a JSON report")
    private Path report;
    @Option(names = "--source-daily-mb", paramLabel = "MB", description = "daily download budget of the source account in MB "
            + "(0: none; default: its provider's published limit, Gmail 2500)")
    private Long sourceDailyMb;
    @Option(names = "--target-daily-mb", paramLabel = "MB", description = "daily upload budget of the target account in MB "
            + "(0: none; default: its provider's published limit, Gmail 500)")
    private Long targetDailyMb;
    @Option(names = "--state", paramLabel = "DIR", description = "where the incremental state is kept (default: <workspace>/state)")
    private Path state;
    @picocli.CommandLine.Mixin
    private org.mailmigrator.cli.internal.StoreOptions store;

    private org.mailmigrator.core.model.GmailOptions gmailOptions() {
        return new org.mailmigrator.core.model.GmailOptions(gmailLabelsAsKeywords, gmailImportantKeyword,
                gmailSkipSpamTrash);
    }

    /** The message limits of --since/--before/--max-size; a wrong value names its option. */
    private MessageLimits limits() {
        return new MessageLimits(date("--since", since), date("--before", before),
                Optional.ofNullable(maxSize).map(v -> named("--max-size", () -> MessageLimits.parseSize(v))));
    }

    /** The account with its daily transfer budget (MB) from the option, when given. */
    private static org.mailmigrator.core.model.Account budget(org.mailmigrator.core.model.Account a, String option,
            String setting, Long megabytes) {
        if (megabytes == null) {
            return a;
        }
        if (megabytes < 0) {
            throw new IllegalArgumentException(option + " must be 0 (no budget) or a number of MB, not " + megabytes);
        }
        return a.withSetting(setting, Long.toString(megabytes));
    }

    private static Optional<Instant> date(String option, String value) {
        return Optional.ofNullable(value).map(v -> named(option, () -> MessageLimits.parseDate(v)));
    }

    private static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** Over the connectors and provider presets the workspace service read once. */
    public MigrateCommand(ConnectorRegistry registry, Presets presets) {
        this.registry = registry;
        this.presets = presets;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (calendarsContacts && !PimMigrate.exchangeToExchange(source, target)) {
            err.println("mailmigrator migrate: --calendars-contacts is for an Exchange source and target (ews+https://..."
                    + " both); other calendar and contacts sources and targets are chosen by their URLs or files");
            return ExitCodes.USAGE;
        }
        String graphMail = PimMigrate.mailIntoGraph(source, target, FileSource.takes(registry, source));
        if (graphMail != null) { // Graph is not Microsoft 365's mail path: say which is (docs/microsoft365.md)
            err.println("mailmigrator migrate: " + graphMail);
            return ExitCodes.USAGE;
        }
        boolean fileLeg = FileSource.takes(registry, source) && PimMigrate.davTarget(target);
        if (fileLeg || calendarsContacts || !FileSource.takes(registry, source) && PimMigrate.applies(source, target)) {
            // calendars and contacts (docs/calendars-contacts.md), also an Outlook file's (docs/file-sources.md)
            String leg = source;
            if (fileLeg) {
                try {
                    leg = FileSource.pimSource(registry, source);
                } catch (IllegalArgumentException e) {
                    err.println("mailmigrator migrate: " + e.getMessage());
                    return ExitCodes.USAGE;
                }
            }
            if (store.given()) { // not built yet: docs/postgresql.md
                err.println("mailmigrator migrate: --store is not supported yet for calendars and contacts (mail only)");
                return ExitCodes.USAGE;
            }
            return new PimMigrate(registry, presets, out, err).run(leg, target, new PimMigrate.Credentials(sourcePasswordFile,
                    targetPasswordFile, signIn), allowPlaintext, names -> stateDir(names, err), report);
        }
        MailEndpoint src;
        MailEndpoint dst;
        Migration row;
        Secret srcPassword;
        Optional<org.mailmigrator.core.state.DatabaseStore> database;
        Secret dstPassword;
        try {
            src = MailEndpoint.source(registry, source, allowPlaintext); // the connectors' declared URL schemes
            dst = MailEndpoint.target(registry, target, allowPlaintext);
            if (trustStore != null && !java.nio.file.Files.isReadable(trustStore)) {
                throw new IllegalArgumentException("--trust-store " + trustStore + " cannot be read");
            }
            if (allowPlaintext && src.scheme().equals("imaps") && dst.scheme().equals("imaps")) {
                throw new IllegalArgumentException("--allow-plaintext has no effect with imaps:// on both sides");
            }
            Arguments.regexes("--include", include);
            Arguments.regexes("--exclude", exclude);
            Arguments.sha256("--trust-sha256", trust);
            Arguments.atLeastOne("--parallel", parallel);
            // the one row of this run, as a batch would hold it (folder filters, map, mirroring, limits)
            String pins = String.join(",", trust);
            var srcOAuth = signIn.source(err); // docs/sign-in.md: OAuth2 instead of a password
            var dstOAuth = signIn.target(err);
            var srcAccount = budget(src.declared(src.account(allowPlaintext, pins, trustStore), "--compress", compress),
                    "--source-daily-mb",
                    org.mailmigrator.core.limits.DailyLimits.DOWNLOAD_SETTING, sourceDailyMb);
            var dstAccount = budget(dst.declared(dst.account(allowPlaintext, pins, trustStore), "--compress", compress),
                    "--target-daily-mb",
                    org.mailmigrator.core.limits.DailyLimits.UPLOAD_SETTING, targetDailyMb);
            row = new Migration("migrate", srcOAuth.map(o -> o.apply(srcAccount)).orElse(srcAccount),
                    dstOAuth.map(o -> o.apply(dstAccount)).orElse(dstAccount), new MigrationOptions(Set.of(ItemKind.MAIL),
                            include, exclude, maps(), mirror, limits(), Optional.empty(), gmailOptions()));
            if (srcOAuth.isPresent() && src.path() != null) {
                throw new IllegalArgumentException("--source-auth, --source-token-file and --source-service-account sign in to"
                        + " an account; the mail files " + src.path() + " have none");
            }
            database = store.database();
            srcPassword = srcOAuth.isPresent() ? srcOAuth.get().secret() : !src.needsSecret() ? null
                    : Passwords.find("source", sourcePasswordFile, "MAILMIGRATOR_SOURCE_PASSWORD", src.toString());
            dstPassword = dstOAuth.isPresent() ? dstOAuth.get().secret()
                    : Passwords.find("target", targetPasswordFile, "MAILMIGRATOR_TARGET_PASSWORD", dst.toString());
        } catch (IllegalArgumentException e) {
            err.println("mailmigrator migrate: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (SignInOptions.Failed e) { // a device sign-in not made
            err.println("mailmigrator migrate: " + e.getMessage());
            return e.exitCode();
        }
        String name = pairName(src, dst);
        Path states = stateDir(List.of(name), err);
        if (states == null) {
            return ExitCodes.FAILED;
        }
        RunSettings run = new RunSettings(allowPlaintext, trust, false, false, MigrationSettings.defaults().withDryRun(dryRun));
        int atOnce = parallel == null ? MigrationSettings.PARALLELISM_BY_LINK : parallel; // folders, chosen by the link
        PassRequest request = new PassRequest(row, List.of(), PassRequest.Passwords.of(srcPassword, dstPassword, null), run,
                new PassRequest.StateFiles(states, name, l -> name).in(database), atOnce, false, PassRequest.Gate.OPEN);
        ProgressLine progress = new ProgressLine(err, System.console() != null);
        PassRunner runner = new PassRunner(ConnectorFactory.of(registry), presets);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.INTERRUPTED);
        Thread hook = new Thread(() -> stopOnSignal(runner, finished, exitCode, out, err), "mailmigrator-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = ExitCodes.INTERRUPTED;
        try {
            PassReport pass;
            try {
                pass = runner.run(request, progress);
            } catch (ConnectorException.AccountFailure e) { // no such connector installed
                err.println("mailmigrator migrate: " + e.getMessage());
                code = ExitCodes.FAILED;
                return code;
            }
            MigrationReport result = pass.mail().orElseGet(MigrateCommand::cutBeforeCopying);
            code = ExitCodes.of(pass.outcome());
            if (dryRun && result.failure() == null) {
                Summary.plan(out, result);
            } else {
                Summary.statistics(out, result, pass.quota());
            }
            if (result.failure() != null) {
                err.println("mailmigrator migrate: " + result.failure());
            }
            if (report != null) {
                writeReport(src, dst, result, pass, code, err);
            }
            out.flush();
        } finally {
            // whatever happens after the run, the shutdown hook must not wait 30 s for it nor change its code
            exitCode.set(code);
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // a signal arrived: the hook exits the JVM with this run's code once it sees 'finished'
            }
        }
        return code;
    }

    /** A pass stopped by a signal while it counted the source, before the engine started: nothing was copied. */
    private static MigrationReport cutBeforeCopying() {
        return new MigrationReport(Outcome.INTERRUPTED, "interrupted before copying; run the command again to start",
                List.of(), 0, 0, 0, 0, List.of(), 0, java.time.Duration.ZERO);
    }

    /**
     * The state folder of this run ({@code --state}, else the workspace's {@code state} folder: {@link StateLocation}),
     * created owner-only, with the named stores moved in from {@code ~/.mailmigrator/state} where an earlier release
     * kept them; null after saying why when it cannot be made.
     */
    private Path stateDir(List<String> names, PrintWriter err) {
        Path dir = StateLocation.forMigrate(state, Workspace.resolve(null, System.getenv()));
        try {
            // the state names folders and message ids: the owner's only (a folder that exists keeps its mode)
            Workspace.createPrivateDirectories(dir);
        } catch (java.io.IOException e) {
            err.println("mailmigrator migrate: " + FileErrors.describe(e, dir, "creating"));
            return null;
        }
        if (state == null) {
            try {
                StateLocation.adopt(dir, StateLocation.legacy(Path.of(System.getProperty("user.home"))), names)
                        .ifPresent(line -> err.println("mailmigrator migrate: " + line));
            } catch (java.io.IOException e) {
                err.println("mailmigrator migrate: " + e.getMessage());
                return null;
            }
        }
        return dir;
    }

    /**
     * The report is written after the run: a full disk or an unwritable path is said in one line, and the run's
     * own exit code stands (the migration itself is done and recorded in the state).
     */
    private void writeReport(MailEndpoint src, MailEndpoint dst, MigrationReport result, PassReport pass, int code,
            PrintWriter err) {
        try {
            ReportFile.write(report, src, dst, dryRun, result, code, PassSummary.of(pass));
        } catch (java.io.IOException | RuntimeException e) {
            err.println("mailmigrator migrate: " + org.mailmigrator.batch.FileErrors.describe(e, report.toAbsolutePath(), "writing")
                    + "; the report was not written (the migration's result is above)");
        }
    }

    /**
     * Ctrl-C or SIGTERM: stop between two messages, let the run record what it wrote and print its
     * statistics, then end the JVM with the run's exit code (7 when it was cut short) instead of the signal's.
     */
    private static void stopOnSignal(PassRunner runner, CountDownLatch finished, AtomicInteger exitCode,
            PrintWriter out, PrintWriter err) {
        runner.cancel();
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(exitCode.get());
    }

    private Map<String, String> maps() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : map) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--map '" + entry + "' must be SOURCE=DESTINATION");
            }
            m.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return m;
    }

    /** One state store per account pair, named readably plus a hash against collisions. */
    static String pairName(MailEndpoint src, MailEndpoint dst) throws Exception {
        String key = src + " -> " + dst;
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)), 0, 6);
        String readable = (src.label() + "_to_" + dst.label())
                .replaceAll("[^A-Za-z0-9@._-]", "_");
        return (readable.length() > 80 ? readable.substring(0, 80) : readable) + "-" + hash;
    }
}
