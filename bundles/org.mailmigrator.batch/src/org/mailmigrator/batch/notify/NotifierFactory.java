package org.mailmigrator.batch.notify;

import java.util.Optional;

/**
 * The {@code class} of a contribution to {@value Notifiers#EXTENSION_POINT} (public, with a no-argument
 * constructor): creates the notifier of one batch run from the workspace's settings.
 */
@FunctionalInterface
public interface NotifierFactory {

    /**
     * The notifier of this run, or empty when it has nothing to do for it (the batch names no recipient of its
     * kind; its settings are missing: then it says why to {@link NotifierContext#problems()}).
     */
    Optional<Notifier> create(NotifierContext context);
}
