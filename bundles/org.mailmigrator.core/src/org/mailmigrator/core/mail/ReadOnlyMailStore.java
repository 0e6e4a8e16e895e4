package org.mailmigrator.core.mail;

import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * The write side of an account that can only be a source (POP3, mail files), the store's part of
 * {@link ReadOnlyMailbox}: {@link #create} is refused with the connector's own wording, given to the constructor;
 * subscribing does nothing (there is nothing to subscribe to); there is no size limit. Folder names are
 * {@code /} separated, without prefix, unless a subclass says otherwise. A subclass lists, describes and opens its
 * folders; it refuses {@code open(folder, true)} itself where it must ({@link #refused()}).
 */
public abstract class ReadOnlyMailStore implements MailStore {
    private final String refusal;

    /** @param refusal what a user reads when something tries to write to this account; it names the connector */
    protected ReadOnlyMailStore(String refusal) {
        this.refusal = refusal;
    }

    /** The failure every write to this account gives ({@link ReadOnlyMailbox#refused(String)}). */
    protected final ConnectorException refused() {
        return ReadOnlyMailbox.refused(refusal);
    }

    @Override
    public Namespace personalNamespace() throws ConnectorException {
        return new Namespace("", '/');
    }

    @Override
    public final void create(String folder, boolean holdsMessages) throws ConnectorException {
        throw refused();
    }

    /** Nothing: a source has nothing to subscribe. */
    @Override
    public void subscribe(String folder) {
    }

    @Override
    public Optional<Long> appendLimit() {
        return Optional.empty();
    }
}
