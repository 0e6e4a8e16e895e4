package org.mailmigrator.connector.imap.internal;

import java.io.IOException;

import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

import jakarta.mail.Session;
import jakarta.mail.URLName;

/** Angus's IMAP store whose connections (the store's and every folder's) use {@link TolerantProtocol}. */
final class TolerantStore extends IMAPStore {

    TolerantStore(Session session, boolean tls) {
        super(session, new URLName(tls ? "imaps" : "imap", null, -1, null, null, null), tls ? "imaps" : "imap", tls);
    }

    @Override
    protected IMAPProtocol newIMAPProtocol(String host, int port) throws IOException, ProtocolException {
        return new TolerantProtocol(name, host, port, session.getProperties(), isSSL, logger);
    }
}
