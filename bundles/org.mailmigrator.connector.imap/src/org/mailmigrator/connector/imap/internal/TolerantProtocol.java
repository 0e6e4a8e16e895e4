package org.mailmigrator.connector.imap.internal;

import java.io.IOException;
import java.util.Properties;

import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.MailboxInfo;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * Angus's protocol with a FETCH parser that accepts every legal response form: a FETCH response Angus cannot
 * parse is rewritten by {@link FetchSyntax} and parsed again, instead of being dropped (which made a message
 * look expunged). A folder opened read-only is left with UNSELECT where the server offers it. The start of a
 * non-synchronizing literal is not flushed on its own ({@link LiteralFlushes}). COMPRESS=DEFLATE, when asked for, is
 * recorded in the session's {@link Compression}.
 */
final class TolerantProtocol extends IMAPProtocol {
    private boolean examined;
    private boolean qresyncRefused;
    private org.eclipse.angus.mail.imap.protocol.FetchItem[] fetchItems;

    TolerantProtocol(String name, String host, int port, Properties props, boolean isSSL, MailLogger logger)
            throws IOException, ProtocolException {
        super(name, host, port, props, isSSL, logger);
    }

    /**
     * A folder opened read-only is left with UNSELECT where offered, never with CLOSE: some servers
     * (hoodiecrow) expunge on CLOSE even after EXAMINE, which would delete the source's \Deleted messages.
     */
    @Override
    public void close() throws ProtocolException {
        if (examined && hasCapability("UNSELECT")) {
            unselect();
        } else {
            super.close();
        }
    }

    /**
     * Angus falls back to LOGIN when the server offers none of the SASL mechanisms asked for: with an OAuth2
     * sign-in that would send the bearer token as a password. Refused instead, saying what the server lacks.
     */
    @Override
    public void login(String user, String password) throws ProtocolException {
        String bearer = props.getProperty(BearerLogin.MARKER);
        if (bearer != null) {
            throw new ProtocolException("the server does not offer AUTHENTICATE " + bearer
                    + " (no AUTH=" + bearer + " capability), so it cannot take an OAuth2 sign-in");
        }
        super.login(user, password);
    }

    /**
     * Angus calls this after login when the server offers COMPRESS=DEFLATE and the account's setting is
     * {@code compress=on} ({@link Compression}). A server that answers NO or BAD leaves the connection uncompressed,
     * as it was, and the run goes on.
     */
    @Override
    public void compress() throws ProtocolException {
        Compression c = (Compression) props.get(Compression.KEY); // put there by ImapSession.open
        try {
            super.compress();
        } catch (CommandFailedException | BadCommandException e) {
            c.refused(e.getMessage());
            return;
        }
        c.compressed();
    }

    @Override
    public MailboxInfo select(String mailbox, ResyncData resync) throws ProtocolException {
        examined = false;
        return super.select(mailbox, resync);
    }

    /**
     * A folder opened read-only is a source's: where the server offers QRESYNC it is enabled first (once per
     * connection, before the first EXAMINE as RFC 5161 requires), so that a listing can ask which messages were
     * expunged since the last pass ({@link ImapMailbox#changesSince}). A server refusing it only loses that.
     */
    @Override
    public MailboxInfo examine(String mailbox, ResyncData resync) throws ProtocolException {
        examined = true;
        if (hasCapability("QRESYNC") && !isEnabled("QRESYNC") && !qresyncRefused) {
            try {
                enable("QRESYNC");
            } catch (CommandFailedException | BadCommandException e) {
                qresyncRefused = true;
            }
        }
        return super.examine(mailbox, resync);
    }

    /** Angus's items and Gmail's {@code X-GM-MSGID}, so that a FETCH answer carrying it parses. */
    @Override
    public org.eclipse.angus.mail.imap.protocol.FetchItem[] getFetchItems() {
        if (fetchItems == null) { // asked for every FETCH response: made once
            var items = super.getFetchItems();
            if (items == null) {
                items = new org.eclipse.angus.mail.imap.protocol.FetchItem[0];
            }
            fetchItems = java.util.Arrays.copyOf(items, items.length + 1);
            fetchItems[items.length] = GmailItems.MSGID_ITEM;
        }
        return fetchItems;
    }

    /** Angus's stream, with no flush after the start of a non-synchronizing literal ({@link LiteralFlushes}). */
    @Override
    protected java.io.OutputStream getOutputStream() {
        java.io.OutputStream out = super.getOutputStream();
        return out == null ? null : new LiteralFlushes(out);
    }

    @Override
    public Response readResponse() throws IOException, ProtocolException {
        IMAPResponse r = new IMAPResponse(this);
        if (!r.keyEquals("FETCH")) {
            return r;
        }
        return FetchSyntax.parse(r, getFetchItems(), this);
    }
}
