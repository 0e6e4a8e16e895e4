package org.mailmigrator.batch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.mailmigrator.batch.PimLeg;
import org.mailmigrator.batch.jobs.ConnectorFactory;
import org.mailmigrator.batch.run.PassListener;
import org.mailmigrator.batch.run.PassReport;
import org.mailmigrator.batch.run.PassRequest;
import org.mailmigrator.batch.run.PimSource;
import org.mailmigrator.batch.run.PimTarget;
import org.mailmigrator.batch.run.Presets;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimMigration;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimReport;
import org.mailmigrator.core.pim.PimState;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * The calendar/contacts legs of one pass, after its mail (or alone): each leg through {@link PimMigration}
 * with the state file its request names, so a second pass sends nothing that did not change. An item of a
 * kind the target does not take (a card for a CalDAV target) is a failed item with that reason, never
 * dropped silently. A leg that cannot log in or read its source is reported with its reason and the next leg
 * runs, except one to a target that refused a leg's login, certificate or connection, which would only be
 * refused again (no repeated logins with a wrong password).
 */
public record PimPass(ConnectorFactory connectors, Presets presets, PassRequest request, PassListener listener) {

    /** Runs every leg in order; stops between two legs when {@code cancelled} says so. */
    public List<PassReport.Leg> run(BooleanSupplier cancelled) {
        List<PassReport.Leg> out = new ArrayList<>();
        for (PimLeg leg : request.legs()) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            PassReport.Leg refused = out.stream().filter(l -> refusedBy(l.report())
                    && l.leg().target().trim().equalsIgnoreCase(leg.target().trim())).findFirst().orElse(null);
            PimReport report;
            if (refused != null) {
                report = new PimReport(List.of(), refused.report().failure(), refused.report().reason());
            } else {
                try {
                    report = leg(leg);
                } catch (ConnectorException.AccountFailure e) {
                    report = new PimReport(List.of(), e.getMessage(), e.reason());
                } catch (Exception e) {
                    report = new PimReport(List.of(), e.getMessage() == null ? e.toString() : e.getMessage(), null);
                }
            }
            out.add(new PassReport.Leg(leg, report));
        }
        return out;
    }

    /**
     * The leg's items live in the pass's state file, beside its mail state; a separate file an earlier version
     * kept for the leg ({@code ID-calendar.mv.db}) is imported into it once.
     */
    private PimState openState(PimLeg leg) throws org.mailmigrator.core.state.StateException {
        return request.state().openPim(leg);
    }

    /** Whether the target itself refused the leg (not its source file): a second leg there would fail the same way. */
    private static boolean refusedBy(PimReport r) {
        return r.failure() != null && r.reason() != null && r.reason() != ConnectorException.AccountFailure.Reason.CONFIGURATION;
    }

    private PimReport leg(PimLeg leg) throws Exception {
        PimTarget target = PimTarget.parse(leg.target(), true); // checked before; http:// is refused by the connector unless allowed
        PimTarget.Declared declared;
        Account destination;
        try { // the connector that declares the target's URL scheme makes its account and says what it takes
            declared = target.declared(connectors);
            destination = target.account(connectors, request.settings().allowPlaintext(), leg.credential());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.AccountFailure(e.getMessage(), ConnectorException.AccountFailure.Reason.CONFIGURATION, null);
        }
        boolean dav = PimSource.isAccount(leg.source()); // a CalDAV/CardDAV account or an Exchange mailbox
        Account source;
        try { // a CalDAV/CardDAV/Exchange account, an Outlook file (pst:PATH), or .ics/.vcf files
            source = dav ? davSource(leg) : PimSource.file(leg, connectors::forScheme);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.AccountFailure(e.getMessage(), ConnectorException.AccountFailure.Reason.CONFIGURATION, null);
        }
        // a CalDAV/CardDAV source is the person's own account: it signs in with the row's mail source secret (its
        // OAuth2 sign-in when it has one); a target leg without a password of its own signs in as the mail destination
        ConnectContext sourceSecret = dav ? LegSignIn.of(request.migration().source(), source.setting("login").orElse(""),
                request.passwords().source(), request.passwords().home(Role.SOURCE), leg.kind(),
                "the source's OAuth2 secret", PimSource.isGraph(leg.source()) ? "graph" : PimSource.isExchange(leg.source()) ? "ews" : "dav")
                : ConnectContext.of(null);
        Secret own = request.passwords().leg(leg);
        ConnectContext secret = own != null && !own.isEmpty() || !LegSignIn.oauth(request.migration().destination())
                ? ConnectContext.of(own) : LegSignIn.of(request.migration().destination(), destination.setting("login").orElse(""),
                        request.passwords().destination(), request.passwords().home(Role.DESTINATION), leg.kind(),
                        "the destination's OAuth2 secret", target.protocol());
        org.mailmigrator.core.spi.Connector writes = connectors.create(destination.connectorId());
        // the leg's target counts against its host's per-host limit, as a mail session does
        try (ConnectorSession out = request.gate().leg(destination, () -> writes.open(destination, Role.DESTINATION, secret))
                .open();
                PimState state = openState(leg);
                ConnectorSession in = connectors.create(source.connectorId()).open(source, Role.SOURCE, sourceSecret)) {
            PimWriter writer = out.capability(PimWriter.class).orElseThrow(() -> new ConnectorException.AccountFailure(
                    "connector '" + destination.connectorId() + "' takes no calendars or contacts", null));
            PimReader reader = in.capability(PimReader.class).orElseThrow(() -> new ConnectorException.AccountFailure(
                    "connector '" + source.connectorId() + "' reads no calendars or contacts", null));
            // a source of several kinds (an Outlook file) gives each leg its own kinds: its contacts are the contacts leg's
            PimReader mine = source.connectorId().equals("ical") || source.connectorId().equals("vcard") || dav ? reader
                    : onlyKinds(reader, PimTarget.kinds(leg.kind()));
            return new PimMigration(otherKindsFail(mine, target, declared.kinds()), writer, state, declared.kinds(), listener::item)
                    .withRetries(request.settings().engine(), null).run();
        }
    }

    /**
     * The DAV source account of a leg (its URL or the provider preset's); what it read is remembered beside the pass's
     * state file, so that a second pass reads only what changed.
     */
    private Account davSource(PimLeg leg) throws ConnectorException.AccountFailure {
        String sync = request.state().dir().resolve(request.state().mail() + "-" + leg.kind().id()
                + (PimSource.isExchange(leg.source()) ? ".ewssync" : PimSource.isGraph(leg.source()) ? ".graphsync" : ".davsync"))
                .toString();
        try {
            return PimSource.account(leg, request.migration().source(), presets,
                    request.settings().allowPlaintext(), sync);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.AccountFailure(e.getMessage(), null);
        }
    }

    /** Only the items of the leg's kinds (and every malformed entry naming an item of the source). */
    private static PimReader onlyKinds(PimReader reader, java.util.Set<org.mailmigrator.core.model.ItemKind> kinds) {
        return new PimReader() {
            @Override
            public void read(Sink sink) throws ConnectorException {
                reader.read(e -> e instanceof PimEntry.Item i && !kinds.contains(i.item().kind()) || sink.accept(e));
            }

            @Override
            public void outcome(org.mailmigrator.core.pim.PimOutcome outcome) {
                reader.outcome(outcome);
            }
        };
    }

    /** Items of a kind the target does not take (contacts to CalDAV) are reported, never dropped silently. */
    private static PimReader otherKindsFail(PimReader reader, PimTarget target, java.util.Set<org.mailmigrator.core.model.ItemKind> kinds) {
        return new PimReader() {
            @Override
            public void read(Sink sink) throws ConnectorException {
                reader.read(e -> sink.accept(e instanceof PimEntry.Item i && !kinds.contains(i.item().kind())
                        ? new PimEntry.Malformed(i.item().describe(), "a " + target.protocol() + " target takes no "
                                + i.item().kind().id())
                        : e));
            }

            @Override
            public void outcome(org.mailmigrator.core.pim.PimOutcome outcome) {
                reader.outcome(outcome); // an incremental source remembers what arrived
            }
        };
    }
}
