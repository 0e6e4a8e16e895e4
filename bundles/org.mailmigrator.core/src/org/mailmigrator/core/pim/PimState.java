package org.mailmigrator.core.pim;

import java.nio.file.Path;
import java.util.Optional;

import org.mailmigrator.core.internal.pim.H2PimState;
import org.mailmigrator.core.state.StateException;

/**
 * What earlier runs stored, per item key: the destination resource, its version and the fingerprint of
 * the source text that was sent. Kept apart from the mail state store, in its own H2 file.
 */
public interface PimState extends AutoCloseable {

    /** A copy recorded by an earlier run. */
    record Entry(Stored stored, String fingerprint) {
    }

    Optional<Entry> find(String key) throws StateException;

    void put(String key, Entry entry) throws StateException;

    @Override
    void close() throws StateException;

    /** Opens (creating when missing) {@code <dir>/<name>.mv.db}. */
    static PimState openEmbedded(Path dir, String name) throws StateException {
        return H2PimState.open(dir, name);
    }
}
