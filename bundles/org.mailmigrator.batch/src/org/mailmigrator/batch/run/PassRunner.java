package org.mailmigrator.batch.run;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.mailmigrator.batch.internal.MailPass;
import org.mailmigrator.batch.internal.PassSessions;
import org.mailmigrator.batch.internal.PimPass;
import org.mailmigrator.batch.internal.Sessions;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.preflight.Preflight;
import org.mailmigrator.batch.preflight.PreflightResult;
import org.mailmigrator.core.engine.MigrationEngine;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;

/**
 * Runs one pass of one row, the only place that does: pre-flight (when the run asks) → mail → calendars,
 * contacts and tasks → one sealed {@link PassReport}. {@code mailmigrator migrate} (a one-row batch held in
 * memory), every batch job and so the workbench call it. The legs run only after a mail pass that reached
 * its end (a pass cut short runs its mail again first on resume), or alone in a row without mail.
 * <p>
 * States: a runner is created for one pass; {@link #cancel()} from any thread stops it between two messages
 * (the engine's own cancel) or between two steps, and the report then says {@code interrupted}. What cannot
 * start the pass at all (no password stored, no such connector) is thrown; everything a server or an item
 * does is in the report.
 */
public final class PassRunner {
    private final ConnectorFactory connectors;
    private final Presets presets;
    private volatile boolean cancelled;
    private volatile MigrationEngine engine;

    /** Over the connectors and provider presets its maker read once (the workspace service, a command). */
    public PassRunner(ConnectorFactory connectors, Presets presets) {
        this.connectors = connectors;
        this.presets = java.util.Objects.requireNonNull(presets, "presets");
    }

    /** Stops the pass: the engine between two messages, the legs between two legs. */
    public void cancel() {
        cancelled = true;
        MigrationEngine e = engine;
        if (e != null) {
            e.cancel();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    public PassReport run(PassRequest request, PassListener listener) throws Exception {
        PreflightResult preflight = null;
        MailPass.Result mail = null;
        if (request.mail()) {
            // one login a side for the pre-flight, the count, the engine and the completeness check (PassSessions)
            try (PassSessions source = new PassSessions(sessions(request, request.migration().source(), Role.SOURCE,
                    request.passwords().source()));
                    PassSessions destination = new PassSessions(sessions(request, request.migration().destination(),
                            Role.DESTINATION, request.passwords().destination()))) {
                if (request.settings().preflight()) {
                    listener.step(PassListener.Step.PREFLIGHT);
                    preflight = Preflight.check(request.migration().id(), source, destination);
                    if (request.settings().preflightOnly() || !preflight.ready()) {
                        return PassReport.before(preflight, false);
                    }
                }
                if (cancelled) {
                    return PassReport.before(preflight, true);
                }
                listener.step(PassListener.Step.MAIL);
                mail = MailPass.run(request, connectors, presets, source, destination, listener, () -> cancelled,
                        e -> engine = e);
                if (mail.report() == null) {
                    return PassReport.before(preflight, true);
                }
            }
        } else if (request.settings().preflightOnly()) {
            return PassReport.before(null, false); // nothing for the mail pre-flight to check
        } else {
            if (cancelled) {
                return PassReport.before(null, true);
            }
            listener.step(PassListener.Step.LEGS_ONLY);
        }
        PassReport sofar = report(preflight, mail, List.of(), false);
        if (!sofar.mailDone() || request.legs().isEmpty()) {
            return sofar;
        }
        List<PassReport.Leg> legs = new PimPass(connectors, presets, request, listener).run(() -> cancelled);
        return report(preflight, mail, legs, legs.size() < request.legs().size());
    }

    private static PassReport report(PreflightResult preflight, MailPass.Result mail, List<PassReport.Leg> legs,
            boolean cut) {
        return new PassReport(Optional.ofNullable(preflight), Optional.ofNullable(mail).map(MailPass.Result::report), legs,
                cut, mail == null ? Optional.empty() : mail.quota(), mail == null ? List.of() : mail.folders(),
                mail == null ? OptionalLong.empty() : mail.copiedSoFar());
    }

    private SessionFactory sessions(PassRequest request, Account account, Role role,
            org.mailmigrator.core.model.Secret secret) throws Exception {
        return request.gate().limit(role, Sessions.factory(connectors, account, role, secret,
                request.passwords().home(role), request.settings()));
    }
}
