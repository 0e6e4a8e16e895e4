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
 * recorded in the session's {@link Compression}; big answers are timed for its {@link LinkRate}, and with
 * {@code compress=auto} a connection asks for COMPRESS before its first command after the link measured narrow.
 */
final class TolerantProtocol extends IMAPProtocol {
    private boolean examined;
    private boolean qresyncRefused;
    private boolean compressed;
    private boolean compressing;
    private int inProgress; // commands written and not yet answered with their tagged response
    private long sent; // bytes written through getOutputStream (commands and their literals)
    private long received; // bytes of the responses read
    private LinkRate.Commands commands; // made at the first command: the constructor reads the greeting first
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
        Compression c = compression();
        compressing = true;
        try {
            super.compress();
        } catch (CommandFailedException | BadCommandException e) {
            c.refused(e.getMessage());
            return;
        } finally {
            compressing = false;
        }
        compressed = true;
        c.compressed();
    }

    private Compression compression() {
        return (Compression) props.get(Compression.KEY); // put there by ImapSession.open
    }

    /**
     * With {@code compress=auto}: once the session's link measured narrow, the connection asks for COMPRESS=DEFLATE
     * before the next command it writes with none in progress (RFC 4978 allows it at any time after login, between
     * commands), so the rest of the session's bytes go compressed.
     */
    @Override
    public String writeCommand(String command, org.eclipse.angus.mail.iap.Argument args)
            throws IOException, ProtocolException {
        if (inProgress == 0 && !compressed && !compressing && isAuthenticated() && compression().wantedNow()
                && hasCapability("COMPRESS=DEFLATE")) {
            compress();
        }
        inProgress++; // before: a literal the server refuses is answered with the tagged response at once
        return super.writeCommand(command, args);
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

    /**
     * Angus's stream, with no flush after the start of a non-synchronizing literal ({@link LiteralFlushes}), counting
     * what is written for the link's measure.
     */
    @Override
    protected java.io.OutputStream getOutputStream() {
        java.io.OutputStream out = super.getOutputStream();
        return out == null ? null : new LiteralFlushes(out, n -> sent += n);
    }

    /**
     * A command and its answers; one alone on the connection (none in progress) is timed for the session's
     * {@link LinkRate}: what it sent and received and how long it took to its tagged answer.
     */
    @Override
    public synchronized Response[] command(String command, org.eclipse.angus.mail.iap.Argument args) {
        boolean alone = inProgress == 0;
        long before = sent;
        long answers = received;
        long start = System.nanoTime();
        Response[] rs = super.command(command, args);
        if (alone && !compressed) {
            if (commands == null) {
                commands = compression().link().commands();
            }
            commands.answered(sent - before, received - answers, System.nanoTime() - start);
        }
        return rs;
    }

    /**
     * One response; a FETCH response Angus cannot parse is rewritten ({@link FetchSyntax}). An answer whose first
     * byte is already here when its reading begins is timed to its last byte for the session's {@link LinkRate}.
     */
    @Override
    public Response readResponse() throws IOException, ProtocolException {
        boolean here = !compressed && hasResponse();
        long start = here ? System.nanoTime() : 0;
        SizedResponse r = new SizedResponse(this);
        received += r.bytes();
        if (here) {
            compression().link().answer(r.bytes(), System.nanoTime() - start);
        }
        if (r.isTagged() && inProgress > 0) {
            inProgress--;
        }
        if (!r.keyEquals("FETCH")) {
            return r;
        }
        return FetchSyntax.parse(r, getFetchItems(), this);
    }

    /** A response that tells how many bytes it took, literals included. */
    private static final class SizedResponse extends IMAPResponse {
        SizedResponse(TolerantProtocol p) throws IOException, ProtocolException {
            super(p);
        }

        int bytes() {
            return size;
        }
    }
}
