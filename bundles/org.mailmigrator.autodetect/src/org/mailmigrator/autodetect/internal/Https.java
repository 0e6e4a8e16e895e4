package org.mailmigrator.autodetect.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLException;

import org.mailmigrator.autodetect.DetectorEnvironment;
import org.mailmigrator.autodetect.Source;
import org.mailmigrator.autodetect.Step.Outcome;

/**
 * HTTPS GET and POST with the JDK HttpClient. Redirects are followed here, not by the client, so that each
 * hop can be checked: https only, and a hop outside the address's domain only after confirmation.
 */
public final class Https implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;
    /** Autoconfig and Autodiscover answers are a few kB; a stranger's endless answer must not fill the memory. */
    static final int MAX_BODY = 1 << 20;
    private final DetectorEnvironment environment;
    private final HttpClient client;

    /** What one request got. */
    public sealed interface Result {
        record Ok(URI uri, String body) implements Result {
        }

        record Nothing(String detail) implements Result {
        }

        record Failed(String detail) implements Result {
        }

        record Refused(String detail) implements Result {
        }
    }

    public Https(DetectorEnvironment environment) {
        this.environment = environment;
        this.client = HttpClient.newBuilder().sslContext(environment.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(environment.timeout()).build();
    }

    /** GET (body null) or POST (XML body), following redirects; every hop is recorded in the attempt's trail. */
    public Result send(Attempt attempt, Source source, URI start, String body) {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(environment.httpRoute().apply(uri))
                    .timeout(environment.timeout()).header("User-Agent", "MailMigratorWorkbench-autodetect");
            if (body != null) {
                request.header("Content-Type", "text/xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            HttpResponse<InputStream> response;
            String text;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    byte[] bytes = in.readNBytes(MAX_BODY + 1);
                    if (bytes.length > MAX_BODY) {
                        return new Result.Failed("the answer of " + uri + " is larger than " + MAX_BODY / 1024 + " kB");
                    }
                    text = new String(bytes, StandardCharsets.UTF_8);
                }
            } catch (SSLException e) {
                return new Result.Failed("TLS failure at " + uri + ": " + e.getMessage());
            } catch (HttpTimeoutException e) {
                return new Result.Failed("no answer from " + uri + " within " + environment.timeout().toMillis() + " ms");
            } catch (ConnectException e) {
                return new Result.Failed("could not connect to " + uri + ": " + (e.getMessage() == null ? "refused" : e.getMessage()));
            } catch (IOException e) {
                return new Result.Failed("request to " + uri + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result.Failed("interrupted while asking " + uri);
            }
            int status = response.statusCode();
            if (status / 100 == 3) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    return new Result.Nothing("HTTP " + status + " without a Location from " + uri);
                }
                URI next = uri.resolve(location);
                if (!"https".equalsIgnoreCase(next.getScheme()) || next.getHost() == null) {
                    return new Result.Refused(uri + " redirects to " + next + ", which is not an https URL with a host");
                }
                String why = source.id() + " redirect from " + uri + " to " + next;
                if (!attempt.mayTrust(source, next.getHost(), why)) {
                    return new Result.Refused(why + " was not confirmed");
                }
                attempt.record(source, uri.toString(), Outcome.NOTHING, "HTTP " + status + " redirect to " + next);
                uri = next;
                continue;
            }
            if (status == 200) {
                return new Result.Ok(uri, text);
            }
            return new Result.Nothing("HTTP " + status + (status == 401 ? " (asks for credentials; none are sent while detecting)" : ""));
        }
        return new Result.Failed("more than " + MAX_REDIRECTS + " redirects from " + start);
    }

    @Override
    public void close() {
        client.close();
    }
}
