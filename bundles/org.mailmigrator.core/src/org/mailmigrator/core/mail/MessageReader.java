package org.mailmigrator.core.mail;

import java.util.List;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * Receives the messages a {@link Mailbox#read} call fetches, a group at a time (as fetched in one round
 * trip), in the order asked; messages expunged meanwhile are left out.
 */
@FunctionalInterface
public interface MessageReader {
    /** The bodies are valid only during this call. */
    void accept(List<Fetched> group) throws ConnectorException;
}
