package org.mailmigrator.connector.ews.internal;

import java.io.IOException;

import org.apache.http.HttpResponse;
import org.apache.http.client.ServiceUnavailableRetryStrategy;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;

/**
 * ews-java-api's service signing in with an OAuth2 bearer token instead of a password (docs/ews-source.md, "OAuth2"):
 * every request carries {@code Authorization: Bearer} with a token the {@link SignIn.TokenSource} believes valid
 * (cached, renewed before it expires) and {@code X-AnchorMailbox} naming the mailbox, as Exchange Online routes an
 * app-only request by it. A request answered 401 is sent once more with a renewed token (the body is repeatable); a
 * second 401 reaches the caller, which reports the sign-in as refused. The token never appears in a message.
 */
final class EwsService extends ExchangeService {
    private final SignIn.TokenSource tokens;
    private final String anchor;
    private volatile Secret current;

    EwsService(SignIn.TokenSource tokens, String anchor) {
        super(ExchangeVersion.Exchange2010_SP2);
        this.tokens = tokens;
        this.anchor = anchor;
        try {
            httpClient.close(); // the one ews-java-api built, without the bearer's interceptor and renewal
        } catch (IOException e) {
            // nothing was sent through it
        }
        httpClient = HttpClients.custom()
                .setConnectionManager(new BasicHttpClientConnectionManager(createConnectionSocketFactoryRegistry()))
                .addInterceptorLast((org.apache.http.HttpRequestInterceptor) (request, context) -> {
                    request.setHeader("Authorization", "Bearer " + new String(token().reveal()));
                    request.setHeader("X-AnchorMailbox", anchor);
                })
                .setServiceUnavailableRetryStrategy(new RenewOnce()).build();
    }

    /** Obtains a first token now, so that a refused client or secret is reported when the session opens. */
    void signIn() throws ConnectorException {
        current = tokens.accessToken();
    }

    private Secret token() throws IOException {
        try {
            current = tokens.accessToken();
            return current;
        } catch (ConnectorException e) {
            throw new IOException("OAuth2: " + e.getMessage() + " (" + tokens.describe() + ")", e);
        }
    }

    /** Where the tokens come from, for messages. */
    String describe() {
        return tokens.describe() + " for " + anchor;
    }

    /** 401 once: renew the token regardless of the cache and send the request again (the interceptor sets it). */
    private final class RenewOnce implements ServiceUnavailableRetryStrategy {
        @Override
        public boolean retryRequest(HttpResponse response, int executionCount, HttpContext context) {
            if (response.getStatusLine().getStatusCode() != 401 || executionCount > 1) {
                return false;
            }
            try {
                tokens.refresh(current);
                return true;
            } catch (ConnectorException e) {
                return false; // a token that cannot be renewed (a fixed file): the 401 reaches the caller
            }
        }

        @Override
        public long getRetryInterval() {
            return 0;
        }
    }
}
