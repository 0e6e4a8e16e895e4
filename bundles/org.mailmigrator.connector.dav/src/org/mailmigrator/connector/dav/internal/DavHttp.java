package org.mailmigrator.connector.dav.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.mailmigrator.connector.dav.DavAuthorization;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.HostFailures;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;

/**
 * HTTP for WebDAV with preemptive authentication (Basic, or an OAuth2 bearer token: {@link DavAuthorization}) (one request per write, no 401 round trip that
 * would upload a body twice), and network failures translated into typed connector failures that name
 * the host.
 */
final class DavHttp {
    // HTTP/1.1: on http:// the JDK would otherwise ask each new connection to upgrade to h2c, and a server that
    // does not answer the upgrade of a request with a body (Xandikos' aiohttp on MKCALENDAR) leaves it hanging
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final DavAuthorization authorization;
    private final String login;

    DavHttp(String login, DavAuthorization authorization) {
        this.login = login;
        this.authorization = authorization;
    }

    HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers) throws ConnectorException {
        String header = authorization.header();
        HttpResponse<String> response = exchange(method, uri, body, headers, header);
        if (response.statusCode() == 401 && authorization.renew(header)) {
            // an OAuth2 token the server no longer takes (expired early, revoked): renewed once, then refused for good
            response = exchange(method, uri, body, headers, authorization.header());
        }
        int status = response.statusCode();
        if (status == 401 || status == 403 && method.equals("PROPFIND")) {
            throw new ConnectorException.AccountFailure(uri.getHost() + " refused the login '" + login + "' (HTTP " + status
                    + ")", Reason.AUTHENTICATION, null);
        }
        if (status == 429 || status == 503) {
            long seconds = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).map(Long::parseLong).orElse(2L);
            throw new ConnectorException.Throttled(uri.getHost() + " asks to slow down (HTTP " + status + ")", seconds * 1000, null);
        }
        if (status >= 500) {
            throw new ConnectorException.TransientFailure(method + " " + uri + ": HTTP " + status, null);
        }
        return response;
    }

    private HttpResponse<String> exchange(String method, URI uri, String body, Map<String, String> headers, String header)
            throws ConnectorException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", header)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            try {
                response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (e instanceof ConnectException || e instanceof SSLException || e instanceof HttpTimeoutException) {
                    throw e;
                }
                // a pooled connection the server closed while idle: one fresh attempt (writes are conditional,
                // so a PUT that did arrive answers 412 and is then treated as already there)
                response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (HttpTimeoutException e) {
            throw new ConnectorException.TransientFailure(method + " " + uri + " timed out", e);
        } catch (SSLHandshakeException e) {
            throw new ConnectorException.AccountFailure("TLS with " + uri.getHost() + ":" + port(uri) + " failed: "
                    + e.getMessage(), certificate(e) ? Reason.CERTIFICATE : Reason.CONNECTION, e);
        } catch (SSLException e) {
            throw new ConnectorException.AccountFailure("TLS with " + uri.getHost() + ":" + port(uri) + " failed ("
                    + e.getMessage() + "): is it an https server?", Reason.CONNECTION, e);
        } catch (ConnectException e) {
            throw HostFailures.ifUnresolved(e, uri.getHost(), who(uri)).orElseGet(() -> new ConnectorException.AccountFailure(
                    "cannot connect to " + uri.getHost() + ":" + port(uri), Reason.CONNECTION, e));
        } catch (IOException e) {
            if (HostFailures.unresolved(e)) {
                throw HostFailures.noSuchHost(uri.getHost(), who(uri), e);
            }
            throw new ConnectorException.TransientFailure(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.AccountFailure("interrupted", e);
        }
        return response;
    }

    /** The account as the user knows it (login@host:port), never a secret. */
    private String who(URI uri) {
        return (login == null || login.isBlank() ? "" : login + "@") + uri.getHost() + ":" + port(uri);
    }

    private static boolean certificate(SSLHandshakeException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("certificat") || m.contains("pkix");
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    static String snippet(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
