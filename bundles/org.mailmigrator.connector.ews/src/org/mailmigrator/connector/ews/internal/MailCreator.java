package org.mailmigrator.connector.ews.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.mailmigrator.core.mail.AppendResult;
import org.mailmigrator.core.mail.Fingerprint;
import org.mailmigrator.core.mail.Outgoing;
import org.mailmigrator.core.spi.ConnectorException;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.service.MessageDisposition;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.response.ServiceResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.MimeContent;

/**
 * Creates messages from their exact MIME bytes with {@code CreateItem MessageDisposition="SaveOnly"} (stored,
 * never sent), several per request. Each created message is known by the ItemId Exchange gives it; the source
 * fingerprint goes with it ({@link MailProperties#FINGERPRINT}), so the engine's recovery recognises it after a
 * crash between the request and the record.
 */
final class MailCreator {
    /** MIME bytes per CreateItem request: Exchange's default request limit is far above, base64 adds a third. */
    private static final long REQUEST_BYTES = 8L << 20;
    private static final int REQUEST_ITEMS = 50;

    interface Read<T> {
        T get() throws Exception;
    }

    private final ExchangeService service;
    private final Folder folder;

    MailCreator(ExchangeService service, Folder folder) {
        this.service = service;
        this.folder = folder;
    }

    List<AppendResult> create(List<Outgoing> messages) throws Exception {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<AppendResult> results = new ArrayList<>();
        List<Item> request = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < messages.size(); i++) {
            Outgoing m = messages.get(i);
            byte[] mime = bytes(m);
            if (!request.isEmpty() && (bytes + mime.length > REQUEST_BYTES || request.size() >= REQUEST_ITEMS)) {
                results.addAll(send(request));
                request.clear();
                bytes = 0;
            }
            EmailMessage message = new EmailMessage(service);
            message.setMimeContent(new MimeContent(null, mime));
            String fingerprint = m.fingerprint() != null ? m.fingerprint() : Fingerprint.of(mime, 0, headerLength(mime), mime.length);
            MailProperties.forCreate(message, m.flags(), m.internalDate() == null ? null : Date.from(m.internalDate()), fingerprint);
            request.add(message);
            bytes += mime.length;
        }
        results.addAll(send(request));
        return results;
    }

    private List<AppendResult> send(List<Item> items) throws Exception {
        ServiceResponseCollection<ServiceResponse> responses;
        try {
            responses = service.createItems(items, folder.getId(), MessageDisposition.SaveOnly, null);
        } catch (Exception e) {
            if (EwsErrors.httpStatus(e) != 413) {
                throw e;
            }
            return tooLarge(items);
        }
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ServiceResponse r = responses.getResponseAtIndex(i);
            if (r.getResult() != ServiceResult.Error) {
                results.add(AppendResult.stored(items.get(i).getId() == null ? null : items.get(i).getId().getUniqueId()));
            } else if (r.getErrorCode() == ServiceError.ErrorServerBusy) {
                // the messages already created in this batch are found again by the engine's recovery
                r.throwIfNecessary();
            } else {
                results.add(AppendResult.refused("Exchange refused it with " + r.getErrorCode() + " (" + r.getErrorMessage() + ")"));
            }
        }
        return results;
    }

    /**
     * The web server refused the request body (HTTP 413, IIS's request limit is often below Exchange's message
     * limit): the messages go one by one, and one refused alone is a skipped item, never a failed run.
     */
    private List<AppendResult> tooLarge(List<Item> items) throws Exception {
        if (items.size() == 1) {
            return List.of(AppendResult.refused("the Exchange web server refused the request as too large (HTTP 413): "
                    + "the message is over its size limit"));
        }
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results.addAll(send(List.of(items.get(i))));
        }
        return results;
    }

    private static byte[] bytes(Outgoing m) throws ConnectorException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, m.body().size())));
        try {
            m.body().writeTo(out);
        } catch (java.io.IOException e) {
            throw new ConnectorException.TransientFailure("reading the message from the source failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The header section with its empty line, as an IMAP server returns {@code BODY[HEADER]}. */
    static int headerLength(byte[] mime) {
        for (int i = 0; i + 1 < mime.length; i++) {
            if (mime[i] == '\n' && mime[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 3 < mime.length && mime[i] == '\r' && mime[i + 1] == '\n' && mime[i + 2] == '\r' && mime[i + 3] == '\n') {
                return i + 4;
            }
        }
        return mime.length;
    }
}
