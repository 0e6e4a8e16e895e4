package org.mailmigrator.batch.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mailmigrator.batch.jobs.Completeness;
import org.mailmigrator.batch.jobs.SourceCount;
import org.mailmigrator.batch.report.PassLog;
import org.mailmigrator.batch.run.PassListener;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.QuotaSkips;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * The mail step of a pass: opens the pair's state store (in the background, while the servers are asked),
 * counts the source before copying (not in a dry run), runs one engine pass holding the destination
 * mailbox's machine-wide lock, then, for a batch row, the completeness check and the copies recorded over all
 * passes. The destination's storage is asked only when messages met a full mailbox.
 */
public final class MailPass {

    /** What the step did; {@code report} is null when it was cancelled before the engine started. */
    public record Result(MigrationReport report, Optional<Quota> quota, List<PassLog.FolderCount> folders,
            OptionalLong copiedSoFar) {
    }

    private MailPass() {
    }

    /** {@code engine} receives the engine before it runs, so that a cancel can reach it. */
    public static Result run(PassRequest request, org.mailmigrator.batch.jobs.ConnectorFactory connectors,
            Presets presets, SessionFactory source, SessionFactory destination, PassListener listener,
            BooleanSupplier cancelled, Consumer<MigrationEngine> engine) {
        MigrationSettings settings = Sessions.engine(request.settings(), request.migration().options(), request.parallelism());
        try (StateStore state = request.state().openMail(); PgBudgetCounts counts = Budgets.counts(request.state())) {
            if (!settings.dryRun()) {
                SourceCount.count(source, destination, settings, state).ifPresent(listener::counted);
            }
            if (cancelled.getAsBoolean()) {
                return new Result(null, Optional.empty(), List.of(), OptionalLong.empty());
            }
            MigrationEngine e = new MigrationEngine(source, destination, state, settings, QuotaSkips.once(listener));
            Account d = request.migration().destination();
            // one writer per destination mailbox: its login at the host its connector declares as endpoint
            var described = connectors.descriptor(d.connectorId());
            var host = described.flatMap(c -> c.endpointHost(d)).or(() -> lockHost(d));
            var login = described.flatMap(c -> c.login(d)).or(() -> d.setting("login").filter(l -> !l.isBlank()));
            if (host.isPresent() && login.isPresent()) {
                e.lockingDestination(host.get(), login.get());
            }
            e.withBudget(Budgets.of(counts, request.state().dir(), request.migration().source(), d, connectors,
                    presets.providers()));
            engine.accept(e);
            MigrationReport r = e.run();
            Optional<Quota> quota = QuotaSkips.any(r.skipped()) ? QuotaSkips.storage(destination) : Optional.empty();
            if (!request.completeness()) {
                return new Result(r, quota, List.of(), OptionalLong.empty());
            }
            boolean done = r.outcome() == Outcome.COMPLETED || r.outcome() == Outcome.ITEMS_SKIPPED;
            List<PassLog.FolderCount> folders = done ? Completeness.check(r.plan(), source, destination, state,
                    r.gmail() == null ? java.util.Map.of() : r.gmail().expectedByFolder())
                    .orElse(List.of()) : List.of();
            return new Result(r, quota, folders, copiedSoFar(r, state));
        }
    }

    private static OptionalLong copiedSoFar(MigrationReport r, StateStore state) {
        try {
            return r.plan().isEmpty() ? OptionalLong.empty() : OptionalLong.of(Completeness.copiedSoFar(r.plan(), state));
        } catch (StateException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The host of the destination mailbox's lock for a connector that declares no addressing (a test's lambda
     * factory): its {@code host} setting, else its URL's host. Empty without a login.
     */
    static Optional<String> lockHost(Account destination) {
        Map<String, String> d = destination.settings();
        if (d.getOrDefault("login", "").isBlank()) {
            return Optional.empty();
        }
        String host = d.getOrDefault("host", "");
        if (host.isBlank() && !d.getOrDefault("url", "").isBlank()) {
            try {
                host = String.valueOf(URI.create(d.get("url").trim()).getHost());
            } catch (IllegalArgumentException e) {
                host = d.get("url");
            }
        }
        return host.isBlank() || host.equals("null") ? Optional.empty() : Optional.of(host);
    }
}
