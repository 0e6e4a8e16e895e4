package org.mailmigrator.ui.internal.views;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/** Connects and logs in with one account, off the UI thread, and hands the outcome over as a sentence. */
final class ConnectionTestJob extends Job {
    /** Family of all connection tests, for the Progress view and for waiting in tests. */
    static final Object FAMILY = ConnectionTestJob.class;

    private final ConnectorRegistry connectors;
    private final ConnectorDescriptor connector;
    private final Account account;
    private final Role role;
    private final ConnectContext context;
    private final Consumer<String> outcome;

    /** {@code connectors}: the workspace service's registry, which makes the connector's session. */
    ConnectionTestJob(ConnectorRegistry connectors, ConnectorDescriptor connector, Account account, Role role,
            ConnectContext context, Consumer<String> outcome) {
        super("Testing an account (" + connector.name() + ")");
        this.connectors = connectors;
        this.connector = connector;
        this.account = account;
        this.role = role;
        this.context = context;
        this.outcome = outcome;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        outcome.accept(test());
        return Status.OK_STATUS;
    }

    private String test() {
        try (ConnectorSession session = connectors.create(connector.id())
                .open(account, role, context)) {
            return "Connected and logged in as " + role.id() + ".";
        } catch (ConnectorException e) {
            return kind(e) + e.getMessage();
        } catch (RuntimeException e) {
            return "The connector failed unexpectedly: " + e;
        }
    }

    private static String kind(ConnectorException e) {
        return switch (e) {
            case ConnectorException.AccountFailure a -> "Refused: ";
            case ConnectorException.TransientFailure t -> "Could not connect (try again later): ";
            case ConnectorException.Throttled t -> "The server asks to slow down: ";
            case ConnectorException.ItemFailure i -> "Failed: ";
            default -> "Failed: ";
        };
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
