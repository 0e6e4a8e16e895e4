package org.mailmigrator.connector.graph.internal;

import java.util.Optional;

import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * One mailbox reached through Graph: a writer and a reader over one HTTP client. Opening asks Graph for the
 * mailbox ({@code GET /users/UPN?$select=id,userPrincipalName}), so that a wrong UPN, a refused token or a missing
 * permission is told at once rather than on the first item.
 */
public final class GraphSession implements ConnectorSession {
    private final GraphWriter writer;
    private final GraphReader reader;
    private final DeltaMemory memory;

    private GraphSession(GraphHttp http, GraphSettings settings, DeltaMemory memory) {
        this.writer = new GraphWriter(http, settings);
        this.memory = memory;
        this.reader = new GraphReader(http, settings, memory);
    }

    public static GraphSession open(GraphSettings settings) throws ConnectorException {
        GraphHttp http = new GraphHttp(settings.tokens(), settings.maxRetryAfterSeconds(), null);
        try {
            http.get(settings.userPath() + "?$select=id,userPrincipalName");
        } catch (ConnectorException.ItemFailure e) {
            throw new ConnectorException.AccountFailure("the mailbox " + settings.user() + " is not known to Graph: "
                    + e.getMessage(), ConnectorException.AccountFailure.Reason.CONFIGURATION, e);
        }
        try {
            return new GraphSession(http, settings, DeltaMemory.load(settings.syncState()));
        } catch (java.io.IOException e) {
            throw new ConnectorException.AccountFailure("cannot read the Graph sync state " + settings.syncState().orElse(null)
                    + ": " + e, ConnectorException.AccountFailure.Reason.CONFIGURATION, e);
        }
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == PimWriter.class) {
            return Optional.of(type.cast(writer));
        }
        if (type == PimReader.class) {
            return Optional.of(type.cast(reader));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        // java.net.http holds no session to log out of; the delta links read are kept for the next run
        try {
            memory.save();
        } catch (java.io.IOException e) {
            // nothing is lost: the next run reads these items again and finds them unchanged at the destination
        }
    }
}
