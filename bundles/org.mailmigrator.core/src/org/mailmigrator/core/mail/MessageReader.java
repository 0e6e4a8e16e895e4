package org.mailmigrator.core.mail;

import java.util.List;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * Receives the messages a {@link Mailbox#read} call fetches, a group at a time (as fetched in one round
 * trip), in the order asked. A message that could not be read is told to {@link #unread} with the reason;
 * a message neither accepted nor told is taken as not fetched (never as expunged) by the engine.
 */
@FunctionalInterface
public interface MessageReader {
    /** The bodies are valid only during this call. */
    void accept(List<Fetched> group) throws ConnectorException;

    /** A message the source did not hand over: proven expunged, or not fetched with a reason. */
    default void unread(Unread message) throws ConnectorException {
    }

    /**
     * Something worth a line in the run's log that is neither a copy nor a failure, e.g. a big message whose download
     * was cut and went on from the byte where it stopped. Told before the messages of the same round trip.
     */
    default void note(String message) {
    }
}
