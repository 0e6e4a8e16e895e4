package org.mailmigrator.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;

/**
 * A token source that keeps its last token until shortly before it expires (a minute, or half its lifetime
 * when it lives less than two minutes), so that a long run asks the token endpoint about once an hour and every
 * new connection still presents a valid token. Thread-safe: the folders' connections share one source.
 */
public abstract class CachedTokens implements SignIn.TokenSource {
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private final Clock clock;
    private Secret token;
    private Instant renewAt = Instant.MIN;
    private int obtained;

    protected CachedTokens(Clock clock) {
        this.clock = clock;
    }

    /** Obtains a new token from the token endpoint. */
    protected abstract Fetched fetch() throws ConnectorException;

    @Override
    public synchronized Secret accessToken() throws ConnectorException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            take(fetch());
        }
        return token;
    }

    @Override
    public synchronized Secret refresh(Secret refused) throws ConnectorException {
        if (token != null && !token.equals(refused) && clock.instant().isBefore(renewAt)) {
            return token; // another connection already renewed it
        }
        take(fetch());
        return token;
    }

    /** How many tokens this source obtained from its endpoint (the tests count the renewals of a long run). */
    public synchronized int obtained() {
        return obtained;
    }

    /** Starts with a token obtained elsewhere (the authorization code flow's first one). */
    protected final synchronized void seed(Fetched first) {
        token = first.accessToken();
        renewAt = renewal(first);
    }

    private void take(Fetched f) {
        obtained++;
        token = f.accessToken();
        renewAt = renewal(f);
    }

    private Instant renewal(Fetched f) {
        Duration life = Duration.between(clock.instant(), f.expires());
        Duration margin = life.compareTo(MARGIN.multipliedBy(2)) < 0 ? life.dividedBy(2) : MARGIN;
        return f.expires().minus(margin);
    }
}
