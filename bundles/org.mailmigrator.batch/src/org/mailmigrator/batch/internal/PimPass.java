package org.mailmigrator.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mailmigrator.batch.Batches;
import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * The calendar/contacts legs of one migration, after its mail pass: each leg through
 * {@link PimMigration} in the migration's state store file, beside its mail state ({@code ID.mv.db}; the
 * separate {@code ID-calendar.mv.db} files of earlier versions are imported once), so a second pass sends nothing
 * that did not change. Failed items become skipped items of the migration
 * (folder {@code calendar} or {@code contacts}); a leg that cannot log in or read its source fails the
 * migration with that reason.
 */
final class PimPass {
    private PimPass() {
    }

    /** The counts of every leg ({@code summary}), the items that failed, and the account-level failure if any. */
    record Result(String summary, List<SkippedItem> failures, String accountFailure) {
    }

    static Result run(JobServices services, String batch, String migrationId, List<PimLeg> legs, boolean allowPlaintext) {
        List<String> lines = new ArrayList<>();
        List<SkippedItem> failures = new ArrayList<>();
        String accountFailure = null;
        for (PimLeg leg : legs) {
            PimReport report;
            try {
                report = leg(services, batch, migrationId, leg, allowPlaintext);
            } catch (ConnectorException e) {
                report = new PimReport(List.of(), e.getMessage(), null);
            } catch (Exception e) {
                report = new PimReport(List.of(), e.getMessage() == null ? e.toString() : e.getMessage(), null);
            }
            report.failures().forEach(f -> failures.add(new SkippedItem(leg.kind().id(), 0, f.what(), null, 0, f.reason())));
            lines.add(String.format(Locale.ROOT, "%s: created %d, updated %d, unchanged %d, failed %d%s", leg.kind().id(),
                    report.created(), report.updated(), report.unchanged(), report.failures().size(),
                    report.failure() == null ? "" : " (" + report.failure() + ")"));
            if (report.failure() != null && accountFailure == null) {
                accountFailure = leg.kind().id() + " to " + leg.target() + ": " + report.failure();
            }
        }
        return new Result(String.join("; ", lines), failures, accountFailure);
    }

    private static PimReport leg(JobServices services, String batch, String migrationId, PimLeg leg,
            boolean allowPlaintext) throws Exception {
        PimTarget target = PimTarget.parse(leg.target(), leg.kind());
        Account destination = target.account(allowPlaintext, leg.credential());
        Account source = new Account(leg.kind() == PimLeg.Kind.CALENDAR ? "ical" : "vcard", Map.of("path", leg.source()),
                null);
        ConnectContext secret = ConnectContext.of(Batches.password(services.store(), services.vault(), leg));
        try (ConnectorSession out = services.connectors().create(destination.connectorId()).open(destination,
                Role.DESTINATION, secret);
                PimState state = PimState.openEmbedded(services.workspace().stateDir(batch), migrationId,
                        java.util.List.of(migrationId + "-" + leg.kind().id()));
                ConnectorSession in = services.connectors().create(source.connectorId()).open(source, Role.SOURCE,
                        ConnectContext.of(null))) {
            PimWriter writer = out.capability(PimWriter.class).orElseThrow(() -> new ConnectorException.AccountFailure(
                    "connector '" + destination.connectorId() + "' takes no calendars or contacts", null));
            PimReader reader = in.capability(PimReader.class).orElseThrow(() -> new ConnectorException.AccountFailure(
                    "connector '" + source.connectorId() + "' reads no calendars or contacts", null));
            return new PimMigration(reader, writer, state, PimTarget.kinds(leg.kind()), null).run();
        }
    }
}
