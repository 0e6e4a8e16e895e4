package org.mailmigrator.auth.internal;

import java.util.Optional;

import org.mailmigrator.core.model.Secret;

/**
 * What a token endpoint answered: the access token, when it expires, and a new refresh token when it rotated
 * the old one. Both tokens are {@link Secret}s.
 */
public record Fetched(Secret accessToken, java.time.Instant expires, Optional<Secret> refreshToken) {
}
