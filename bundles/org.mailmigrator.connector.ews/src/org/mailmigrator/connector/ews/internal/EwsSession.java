package org.mailmigrator.connector.ews.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.HostFailures;
import org.mailmigrator.core.spi.ConnectorSession;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

/**
 * A checked EWS connection, offering a {@link PimWriter} (events, tasks, contacts), as a source a {@link PimReader}
 * (docs/ews-source.md) and a {@link MailStore}
 * (mail destination, docs/ews-mail.md; mail source, docs/ews-source.md). ews-java-api sends its first request without credentials and repeats it after
 * the 401, uploading a large item twice: the Basic authorization header is therefore set on every request
 * from the start (preemptive), and the login is checked by binding the calendar folder. With OAuth2 the requests carry a
 * bearer token instead ({@link EwsService}).
 */
public final class EwsSession implements ConnectorSession {
    private final ExchangeService service;
    private final PimWriter writer;
    private final EwsMailStore mail;
    private final boolean source;
    private final EwsPimSource reader;
    private final SyncMemory memory;

    private EwsSession(ExchangeService service, PimWriter writer, EwsMailStore mail, boolean source, SyncMemory memory,
            EwsSettings settings, PerMailbox.Shared shared) {
        this.source = source;
        this.memory = memory;
        this.reader = source ? new EwsPimSource(service, settings, memory, shared.gate) : null;
        this.service = service;
        this.writer = writer;
        this.mail = mail;
    }

    /**
     * Opens the connection; {@code source} makes its {@link MailStore} read the mailbox (docs/ews-source.md). With an
     * impersonated mailbox every request carries the {@code ExchangeImpersonation} header naming it by its SMTP
     * address, and the login is the admin or service account that holds the ApplicationImpersonation role.
     * {@code mailboxes} are the connector instance's: its sessions share each mailbox's limit of sync calls and, as a
     * source, the folder tree read in the pass.
     */
    public static EwsSession open(EwsSettings settings, boolean source, PerMailbox mailboxes) throws ConnectorException {
        if (settings.archive().isPresent() && !source) {
            throw new ConnectorException.AccountFailure("ews: archive=true reads an online archive as a source; it cannot"
                    + " be a destination", ConnectorException.AccountFailure.Reason.CONFIGURATION, null);
        }
        ExchangeService service = settings.bearer().isPresent() ? new EwsService(settings.bearer().get(), settings.anchor())
                : new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        char[] password = settings.password() == null ? new char[0] : settings.password().reveal();
        String who = settings.bearer().isPresent() ? ((EwsService) service).describe() : settings.login();
        try {
            service.setUrl(settings.url());
            if (service instanceof EwsService bearer) {
                bearer.signIn();
            } else {
                service.setCredentials(new WebCredentials(settings.login(), new String(password)));
                String pair = settings.login() + ":" + new String(password);
                service.getHttpHeaders().put("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            service.setTimeout(120_000);
            if (settings.impersonate().isPresent()) {
                service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, settings.impersonate().get()));
            }
            Folder.bind(service, settings.mailboxes().folder(WellKnownFolderName.Calendar));
        } catch (ConnectorException e) {
            service.close();
            throw e;
        } catch (Exception e) {
            service.close();
            throw HostFailures.ifUnresolved(e, settings.url().getHost(), who + " at " + settings.url())
                    .map(ConnectorException.class::cast)
                    .orElseGet(() -> EwsErrors.translate(e, "opening " + settings.url(), who));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        SyncMemory memory;
        try {
            memory = SyncMemory.load(settings.syncState());
        } catch (java.io.IOException e) {
            service.close();
            throw new ConnectorException.AccountFailure("ews: cannot read the sync state file " + settings.syncState().orElse(null)
                    + ": " + e.getMessage(), ConnectorException.AccountFailure.Reason.CONFIGURATION, e);
        }
        PerMailbox.Shared shared = mailboxes.of(settings);
        return new EwsSession(service, new EwsWriter(service, new EwsFolders(service, settings), settings),
                new EwsMailStore(service, settings.login(), source, settings.mailboxes(), settings.archive(), shared,
                        mailboxes.key(settings)), source, memory, settings, shared);
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == PimWriter.class && !source) {
            return Optional.of(type.cast(writer));
        }
        if (type == PimReader.class && source) {
            return Optional.of(type.cast(reader));
        }
        return type == MailStore.class ? Optional.of(type.cast(mail)) : Optional.empty();
    }

    @Override
    public void close() {
        try {
            if (source) {
                memory.save(); // what the calendar/contacts source read, for the next run
            }
        } catch (java.io.IOException e) {
            // nothing is lost: the next run reads these changes again and finds them unchanged at the destination
        } finally {
            service.close();
        }
    }
}
