package org.mailmigrator.core.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint of a migration: a connector id, the values of the settings that connector declares
 * (host, port, security, login...) and a reference to its credential. Secret settings are not kept here.
 */
public record Account(String connectorId, Map<String, String> settings, CredentialRef credential) {
    public Account {
        Objects.requireNonNull(connectorId, "connectorId");
        settings = Map.copyOf(settings);
    }

    public Optional<String> setting(String id) {
        return Optional.ofNullable(settings.get(id));
    }

    /** The same account with setting {@code id} set to {@code value}. */
    public Account withSetting(String id, String value) {
        Map<String, String> s = new HashMap<>(settings);
        s.put(id, value);
        return new Account(connectorId, s, credential);
    }
}
