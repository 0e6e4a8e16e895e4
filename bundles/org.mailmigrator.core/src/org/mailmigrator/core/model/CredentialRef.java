package org.mailmigrator.core.model;

import java.util.Objects;

/** Where an account's secret is kept (a key in secure storage), never the secret itself. */
public record CredentialRef(String key) {
    public CredentialRef {
        Objects.requireNonNull(key, "key");
    }
}
