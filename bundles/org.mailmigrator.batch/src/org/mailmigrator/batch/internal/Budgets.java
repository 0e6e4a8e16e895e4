package org.mailmigrator.batch.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.autodetect.Protocol;
import org.mailmigrator.autodetect.ProviderRegistry;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.core.limits.DailyLimits;
import org.mailmigrator.core.limits.TransferBudget;
import org.mailmigrator.core.model.Account;

/**
 * The daily transfer budget of a row: the source account's download limit and the destination's upload limit,
 * each from the account's own setting ({@code dailyDownloadMb} / {@code dailyUploadMb}, MB a day, 0 for none), else
 * from its provider's preset (autodetect's {@code <dailyLimit>}: Gmail IMAP 2,500 MB down, 500 MB up). Counted in
 * {@code transfer-budget.properties} of the workspace's state folder (also for a batch's {@code state/batch-NAME}),
 * so that the rows, batches and runs of one workspace add up; with the state in a database ({@code --store}), in its
 * table {@code transfer_budget} ({@link PgBudgetCounts}), so that every process and machine using it adds up.
 * The window is a day; the system property {@value #WINDOW_PROPERTY} (an ISO-8601 duration such as {@code PT20S})
 * shortens it for tests.
 */
public final class Budgets {
    public static final String WINDOW_PROPERTY = "mailmigrator.budget.window";
    static final String DOWNLOAD = DailyLimits.DOWNLOAD_SETTING;
    static final String UPLOAD = DailyLimits.UPLOAD_SETTING;

    private Budgets() {
    }

    /** The budget of a row, or null when neither account has a limit. */
    public static TransferBudget of(Path stateDir, Account source, Account destination, ConnectorFactory connectors,
            Optional<ProviderRegistry> presets) {
        return of(null, stateDir, source, destination, connectors, presets);
    }

    /**
     * Where a pass counts its budget: in the database when its state is there ({@code --store}: every process and
     * machine adds up), else null (the state folder's file). Close it after the pass.
     */
    static PgBudgetCounts counts(PassRequest.StateFiles state) {
        return state.database().map(PgBudgetCounts::new).orElse(null);
    }

    /** The budget of a row counted in {@code counts} (null: the state folder's file), or null when no limit applies. */
    static TransferBudget of(TransferBudget.Counts counts, Path stateDir, Account source, Account destination,
            ConnectorFactory connectors, Optional<ProviderRegistry> presets) {
        Duration window = window();
        String src = key(source, connectors);
        String dst = key(destination, connectors);
        long down = megabytes(source, DOWNLOAD, connectors, presets, true);
        long up = megabytes(destination, UPLOAD, connectors, presets, false);
        if (down == 0 && up == 0 || src == null && dst == null) {
            return null;
        }
        // one count per workspace: a batch's state folder (state/batch-NAME) counts in state/, as migrate does
        Path folder = stateDir.getFileName() != null && stateDir.getFileName().toString().startsWith("batch-")
                && stateDir.getParent() != null ? stateDir.getParent() : stateDir;
        DailyLimits downLimits = new DailyLimits(down * 1_000_000L, 0, window);
        DailyLimits upLimits = new DailyLimits(0, up * 1_000_000L, window);
        TransferBudget b = counts == null
                ? new TransferBudget(folder.resolve(TransferBudget.FILE), down > 0 ? src : null, downLimits,
                        up > 0 ? dst : null, upLimits, Clock.systemUTC())
                : new TransferBudget(counts, down > 0 ? src : null, downLimits, up > 0 ? dst : null, upLimits,
                        Clock.systemUTC());
        return b.limited() ? b : null;
    }

    private static Duration window() {
        String w = System.getProperty(WINDOW_PROPERTY, "");
        if (!w.isBlank()) {
            try {
                Duration d = Duration.parse(w.trim());
                if (!d.isNegative() && !d.isZero()) {
                    return d;
                }
            } catch (DateTimeParseException ignored) {
                // a day, as below
            }
        }
        return Duration.ofDays(1);
    }

    private static long megabytes(Account a, String setting, ConnectorFactory connectors,
            Optional<ProviderRegistry> presets, boolean download) {
        Optional<String> own = a.setting(setting).filter(v -> !v.isBlank());
        if (own.isPresent()) {
            try {
                return Math.max(0, Long.parseLong(own.get().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the account setting " + setting + " must be a number of MB a day, not '"
                        + own.get() + "'");
            }
        }
        Optional<String> host = host(a, connectors);
        Protocol protocol;
        try {
            protocol = Protocol.fromId(a.connectorId());
        } catch (IllegalArgumentException e) {
            return 0; // a file or a connector no provider preset knows: no published limit
        }
        return host.flatMap(h -> presets.flatMap(p -> p.dailyLimit(h, protocol)))
                .map(l -> download ? l.downloadMb() : l.uploadMb()).orElse(0L);
    }

    private static Optional<String> host(Account a, ConnectorFactory connectors) {
        return connectors.descriptor(a.connectorId()).flatMap(d -> d.endpointHost(a))
                .or(() -> a.setting("host").filter(h -> !h.isBlank()));
    }

    /** {@code login@host} (lower case), or null when the account has neither. */
    private static String key(Account a, ConnectorFactory connectors) {
        Optional<String> host = host(a, connectors);
        Optional<String> login = connectors.descriptor(a.connectorId()).flatMap(d -> d.login(a))
                .or(() -> a.setting("login").filter(l -> !l.isBlank()));
        if (host.isEmpty() || login.isEmpty()) {
            return null;
        }
        return (login.get() + "@" + host.get()).toLowerCase(Locale.ROOT);
    }
}
