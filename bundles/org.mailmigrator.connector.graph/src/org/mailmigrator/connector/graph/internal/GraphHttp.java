package org.mailmigrator.connector.graph.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.LongConsumer;

import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorException.AccountFailure.Reason;
import org.mailmigrator.core.spi.SignIn;

import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/**
 * Graph requests over {@code java.net.http}: the current bearer token on each request (a 401 renews it once),
 * JSON bodies (json-smart), {@code @odata.nextLink} paging, and Graph's throttling honoured: an answer 429, 503 or
 * 504 is sent again after its {@code Retry-After} (seconds or an HTTP date; 2, 4, 8... s when absent), up to
 * {@value #ATTEMPTS} times; a Retry-After longer than the account's limit is handed to the engine as
 * {@link ConnectorException.Throttled}. Tokens never reach a message.
 */
public final class GraphHttp {
    static final int ATTEMPTS = 6;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final SignIn.TokenSource tokens;
    private final long maxWaitSeconds;
    private final LongConsumer waited;

    /** @param waited hears each throttling wait, in milliseconds (the report and the tests) */
    public GraphHttp(SignIn.TokenSource tokens, long maxWaitSeconds, LongConsumer waited) {
        this.tokens = tokens;
        this.maxWaitSeconds = maxWaitSeconds;
        this.waited = waited == null ? w -> { } : waited;
    }

    /** A path segment or query value, percent-encoded. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public JSONObject get(String url) throws ConnectorException {
        return send("GET", url, null);
    }

    /**
     * Sends one request; the JSON answer, or an empty object for 204.
     *
     * @throws ConnectorException.ItemFailure for a request Graph refused (its error code and message)
     */
    public JSONObject send(String method, String url, Map<String, ?> body) throws ConnectorException {
        HttpResponse<byte[]> r = call(method, url, body);
        String text = new String(r.body(), StandardCharsets.UTF_8);
        return text.isBlank() ? new JSONObject() : parse(text, url);
    }

    /** A binary resource (a photo's {@code $value}, ...) and its content type; empty when Graph has none (404). */
    public java.util.Optional<Binary> binary(String url) throws ConnectorException {
        try {
            HttpResponse<byte[]> r = call("GET", url, null);
            return java.util.Optional.of(new Binary(r.body(), r.headers().firstValue("Content-Type").orElse("application/octet-stream")));
        } catch (ConnectorException.ItemFailure e) {
            if (String.valueOf(e.getMessage()).contains("HTTP 404")) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The bytes of one upload range: 12 × 320 KiB (3,932,160 bytes), a multiple of 320 KiB under Graph's 4 MB per
     * request.
     */
    static final int UPLOAD_RANGE = 12 * 320 * 1024;

    /**
     * Uploads {@code bytes} to an upload session's pre-authenticated {@code uploadUrl} in byte ranges of
     * {@value #UPLOAD_RANGE} bytes (the last one shorter), each a PUT with {@code Content-Range: bytes FROM-TO/TOTAL} and
     * <b>no</b> {@code Authorization} header (the URL carries its own token; Graph refuses a second one). Each answer 200
     * says the next range expected ({@code nextExpectedRanges}), which is sent next; 201 ends it (the attachment is made).
     * Throttling is waited out as for other requests.
     *
     * @param what names the upload in messages
     */
    public void upload(String uploadUrl, byte[] bytes, String what) throws ConnectorException {
        long from = 0;
        for (int attempt = 1, rounds = 0; rounds < bytes.length / UPLOAD_RANGE + ATTEMPTS * 2; rounds++) {
            int to = (int) Math.min(bytes.length, from + UPLOAD_RANGE) - 1;
            HttpRequest put = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, (int) from, (int) (to - from + 1))).build();
            HttpResponse<byte[]> r;
            try {
                r = http.send(put, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new ConnectorException.TransientFailure("cannot reach Graph's upload session for " + what + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException.TransientFailure("interrupted while uploading " + what, e);
            }
            int status = r.statusCode();
            if (status == 201) {
                return;
            }
            if (status == 429 || status == 503 || status == 504) {
                long wait = retryAfterMillis(r, attempt++);
                if (attempt > ATTEMPTS || wait > maxWaitSeconds * 1000) {
                    throw new ConnectorException.Throttled("Graph answered " + status + " to the upload of " + what
                            + " (Retry-After " + wait / 1000 + " s)", wait, null);
                }
                pause(wait);
                continue;
            }
            String body = new String(r.body(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new ConnectorException.ItemFailure("Graph refused the range " + from + "-" + to + " of " + what + ": HTTP "
                        + status + graphError(body), null);
            }
            Object next = parse(body, uploadUrl).get("nextExpectedRanges");
            String first = next instanceof java.util.List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "";
            if (!first.matches("\\d+(-\\d*)?")) {
                throw new ConnectorException.ItemFailure("Graph's upload session for " + what + " expects no range after "
                        + to + " but did not make the attachment", null);
            }
            from = Long.parseLong(first.replaceFirst("-.*", ""));
            if (from >= bytes.length) {
                throw new ConnectorException.ItemFailure("Graph's upload session for " + what + " expects byte " + from
                        + " of " + bytes.length, null);
            }
        }
        throw new ConnectorException.ItemFailure("the upload of " + what + " did not end after " + bytes.length / UPLOAD_RANGE
                + " ranges and " + ATTEMPTS + " retries", null);
    }

    /** Bytes Graph answered, with their media type. */
    public record Binary(byte[] bytes, String contentType) {
    }

    /** One request, throttling waited out and a refused token renewed once; the successful answer. */
    private HttpResponse<byte[]> call(String method, String url, Map<String, ?> body) throws ConnectorException {
        Secret token = tokens.accessToken();
        boolean renewed = false;
        for (int attempt = 1;; attempt++) {
            HttpResponse<byte[]> r = exchange(method, url, body, token);
            int status = r.statusCode();
            if (status == 401 && !renewed) {
                token = tokens.refresh(token);
                renewed = true;
                attempt--;
                continue;
            }
            if (status == 429 || status == 503 || status == 504) {
                long wait = retryAfterMillis(r, attempt);
                if (attempt >= ATTEMPTS || wait > maxWaitSeconds * 1000) {
                    throw new ConnectorException.Throttled("Graph answered " + status + " to " + method + " " + path(url)
                            + " (Retry-After " + wait / 1000 + " s)", wait, null);
                }
                pause(wait);
                continue;
            }
            if (status >= 200 && status < 300) {
                return r;
            }
            throw failure(method, url, status, new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<byte[]> exchange(String method, String url, Map<String, ?> body, Secret token)
            throws ConnectorException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + new String(token.reveal()))
                .header("Accept", url.endsWith("/$value") ? "*/*" : "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(JSONValue.toJSONString(body), StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ConnectorException.TransientFailure("cannot reach Graph for " + method + " " + path(url) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.TransientFailure("interrupted during " + method + " " + path(url), e);
        }
    }

    /** Retry-After in seconds or as an HTTP date; without it 2^attempt seconds. */
    static long retryAfterMillis(HttpResponse<?> r, int attempt) {
        String v = r.headers().firstValue("Retry-After").orElse("").trim();
        try {
            if (v.matches("\\d+")) {
                return Long.parseLong(v) * 1000;
            }
            if (!v.isEmpty()) {
                long ms = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis();
                return Math.max(0, ms);
            }
        } catch (RuntimeException e) {
            // an unreadable Retry-After: the exponential wait below
        }
        return (1L << Math.min(attempt, 6)) * 1000;
    }

    private void pause(long millis) throws ConnectorException {
        waited.accept(millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.TransientFailure("interrupted while waiting out Graph's Retry-After", e);
        }
    }

    private ConnectorException failure(String method, String url, int status, String body) {
        String what = method + " " + path(url) + ": HTTP " + status + graphError(body);
        if (status == 401) {
            return new ConnectorException.AccountFailure("Graph refused the token from " + tokens.describe() + " twice ("
                    + what + ")", Reason.AUTHENTICATION, null);
        }
        if (status == 403) {
            return new ConnectorException.AccountFailure("Graph refused access (" + what + "): the app needs the application "
                    + "permissions Calendars.ReadWrite, Contacts.ReadWrite and Tasks.ReadWrite.All, granted by an administrator "
                    + "(an application access policy may also exclude this mailbox)", Reason.AUTHENTICATION, null);
        }
        if (status >= 500) {
            return new ConnectorException.TransientFailure("Graph failed " + what, null);
        }
        return new ConnectorException.ItemFailure("Graph refused " + what, null);
    }

    /** " (code: message)" from Graph's error JSON, else the start of the body. */
    static String graphError(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            Object o = new JSONParser(JSONParser.MODE_RFC4627).parse(body);
            if (o instanceof JSONObject j && j.get("error") instanceof JSONObject e) {
                return " (" + e.getAsString("code") + ": " + e.getAsString("message") + ")";
            }
        } catch (ParseException e) {
            // not JSON: quoted below
        }
        return " (" + (body.length() > 200 ? body.substring(0, 200) + "..." : body) + ")";
    }

    static JSONObject parse(String body, String url) throws ConnectorException {
        try {
            Object o = new JSONParser(JSONParser.MODE_RFC4627).parse(body);
            if (o instanceof JSONObject j) {
                return j;
            }
        } catch (ParseException e) {
            // below
        }
        throw new ConnectorException.TransientFailure("Graph's answer to " + path(url) + " is not a JSON object", null);
    }

    /** The URL without its host, for messages. */
    static String path(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Every object of a collection, following {@code @odata.nextLink} until the last page. */
    public void list(String url, Each each) throws ConnectorException {
        for (String next = url; next != null;) {
            JSONObject page = get(next);
            if (page.get("value") instanceof java.util.List<?> items) {
                for (Object item : items) {
                    if (item instanceof JSONObject j && !each.accept(j)) {
                        return;
                    }
                }
            }
            next = page.getAsString("@odata.nextLink");
        }
    }

    /** Receives the objects of a listing; false stops it. */
    @FunctionalInterface
    public interface Each {
        boolean accept(JSONObject item) throws ConnectorException;
    }
}
