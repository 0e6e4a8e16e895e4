package org.mailmigrator.batch.csv.spi;

import java.util.Map;

import org.mailmigrator.batch.csv.ServerAddress;
import org.mailmigrator.core.model.Secret;

/**
 * One side of an account pair read from a row: the server (null when its cell was wrong), connector settings
 * beyond the server's ({@code delegation}, {@code userRoot}…), the login and the password.
 */
public record PairSide(ServerAddress server, Map<String, String> extra, String login, Secret password) {

    public PairSide {
        extra = Map.copyOf(extra);
    }

    public PairSide(ServerAddress server, String login, Secret password) {
        this(server, Map.of(), login, password);
    }
}
