package org.mailmigrator.connector.dav.tests;

import java.util.Map;

import org.mailmigrator.connector.dav.DavConnector;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;

/** Run in a child JVM by {@link DavUnknownHostTest}: opens the dav connector on args[0], prints the outcome. */
public final class DavOpenMain {
    private DavOpenMain() {
    }

    public static void main(String[] args) {
        Account account = new Account("dav", Map.of("url", args[0], "login", "alice"), null);
        try (var session = new DavConnector().open(account, Role.DESTINATION, ConnectContext.of(Secret.of("x")))) {
            System.out.println("opened");
        } catch (ConnectorException.AccountFailure e) {
            System.out.println("reason " + e.reason() + ": " + e.getMessage());
        } catch (ConnectorException e) {
            System.out.println("other " + e);
        }
    }
}
