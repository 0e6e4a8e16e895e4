package org.mailmigrator.core.mail;

import org.mailmigrator.core.spi.ConnectorException;

/** Receives the messages a {@link Mailbox#read} call fetches, one at a time, in the order asked. */
@FunctionalInterface
public interface MessageReader {
    /** The body is valid only during this call. */
    void accept(MessageInfo info, MessageBody body) throws ConnectorException;
}
