package org.mailmigrator.connector.graph.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailmigrator.testing.LoopbackHttp;

import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;

/**
 * A <b>protocol fake</b> of Microsoft Graph v1.0 (Exchange Online has no open server to test against): one mailbox's
 * calendar, contacts and To Do lists at {@code http://127.0.0.1:PORT/v1.0/users/UPN/...}. It checks the shape of
 * every request (method and path, {@code Authorization: Bearer} accepted by the test's token check,
 * {@code Content-Type: application/json}, the body against the documented resource types: {@link FakeShapes}) and
 * answers with Microsoft's documented response examples ({@code data/README.md}) overlaid with the request's fields,
 * pages listings ({@code @odata.nextLink}, {@link #pageSize} items a page), expands series into instances
 * ({@link FakeEvents}) and, when told to, answers 429 with a Retry-After. It is not Exchange: what it accepts is what
 * the documentation says, not what the service may also tolerate.
 */
final class GraphFake implements AutoCloseable {
    static final String CALENDAR_ID = "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEGAAAiIsqMbYjsT5e-T7KzowPTAAAYbuK-AAA=";
    static final String TASKS_ID = "AAMkADIyAAAAABrJAAA=";
    static final String CONTACTS_FOLDER_ID = "AAMkADIyAAAAAAEOAAA=";
    final String user;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final FakeEvents calendar = new FakeEvents();
    final Map<String, JSONObject> contacts = new LinkedHashMap<>();
    final Map<String, List<Object>> extended = new LinkedHashMap<>();
    final Map<String, JSONObject> taskLists = new LinkedHashMap<>();
    final Map<String, JSONObject> tasks = new LinkedHashMap<>();
    final List<Long> throttledAt = Collections.synchronizedList(new ArrayList<>());
    final List<Long> answeredAt = Collections.synchronizedList(new ArrayList<>());
    int pageSize = 2;
    /** Every change made (collection, id), in order: what a delta token reads from. */
    final List<String[]> changes = Collections.synchronizedList(new ArrayList<>());
    /** Items answered by listings and by-id reads of events, contacts and tasks (not by delta rounds). */
    final AtomicInteger itemReads = new AtomicInteger();
    /** Items answered by delta rounds. */
    final AtomicInteger deltaItems = new AtomicInteger();
    volatile int deltaEpoch = 1;
    /** Contact photos by contact id ({@code GET /contacts/{id}/photo/$value}). */
    final Map<String, byte[]> photos = new java.util.concurrent.ConcurrentHashMap<>();
    /** Event attachments by event id, as "List attachments" answers them ({@code GET /events/{id}/attachments}). */
    final Map<String, List<JSONObject>> attachments = new java.util.concurrent.ConcurrentHashMap<>();
    /** Event attachments written: inline ones and upload sessions ({@link FakeUploads}). */
    final FakeUploads uploads = new FakeUploads(this);
    /** Contact folders below the default one, by id: {@code displayName} and {@code parentFolderId}. */
    final Map<String, JSONObject> contactFolders = new LinkedHashMap<>();
    int invitationsSent;
    private final AtomicInteger throttleLeft = new AtomicInteger();
    private volatile int retryAfterSeconds;
    private final Predicate<String> tokens;
    private final LoopbackHttp http;

    /** @param tokens says whether a bearer token is accepted (a fixed one, or a JWT checked against the JWKS) */
    GraphFake(String user, Predicate<String> tokens) throws IOException {
        this.user = user;
        this.tokens = tokens;
        JSONObject list = new JSONObject();
        list.putAll(Map.of("id", TASKS_ID, "displayName", "Tasks", "isOwner", true, "isShared", false,
                "wellknownListName", "defaultList"));
        taskLists.put(TASKS_ID, list);
        this.http = new LoopbackHttp(this::handle);
    }

    String root() {
        return "http://127.0.0.1:" + http.port() + "/v1.0";
    }

    /** The next {@code count} requests are answered 429 with {@code Retry-After: seconds}. */
    void throttle(int count, int seconds) {
        retryAfterSeconds = seconds;
        throttleLeft.set(count);
    }

    /** Records a change of an item of a collection ({@code calendar}, {@code contacts}, {@code tasks.LISTID}). */
    void changed(String collection, String id) {
        changes.add(new String[] { collection, id });
    }

    /** Every delta token given so far is refused from now on (410), as when Exchange dropped the sync state. */
    void expireDeltaTokens() {
        deltaEpoch++;
    }

    /** A contact folder made in Outlook below {@code parent} (the default folder's id for a top-level one). */
    synchronized String contactFolder(String name, String parent) {
        String id = newId();
        contactFolders.put(id, new JSONObject(Map.of("id", id, "displayName", name, "parentFolderId", parent)));
        return id;
    }

    /** A contact made in Outlook in the folder {@code folder}, with the documented example's fields. */
    synchronized String contactIn(String folder, Map<String, Object> fields) throws IOException {
        JSONObject c = example("contact-created.json");
        c.putAll(fields);
        String id = newId();
        c.put("id", id);
        c.put("parentFolderId", folder);
        c.put("lastModifiedDateTime", now());
        contacts.put(id, c);
        changed(contactsCollection(c), id);
        return id;
    }

    /** The delta collection of a contact: {@code contacts} in the default folder, else {@code contacts.FOLDERID}. */
    static String contactsCollection(JSONObject contact) {
        String folder = contact.getAsString("parentFolderId");
        return folder == null || folder.equals(CONTACTS_FOLDER_ID) ? "contacts" : "contacts." + folder;
    }

    /** An event put into the mailbox as a user would have made it (e.g. a documented example with attendees). */
    synchronized void seed(JSONObject event) {
        calendar.events.put(event.getAsString("id"), event);
        changed("calendar", event.getAsString("id"));
    }

    static JSONObject example(String name) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(Data.file(name))) {
            return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(in.readAllBytes());
        } catch (net.minidev.json.parser.ParseException e) {
            throw new IOException(name + ": " + e);
        }
    }

    private LoopbackHttp.Response handle(LoopbackHttp.Request r) throws Exception {
        String target = r.path();
        String path = target.replaceFirst("\\?.*", "");
        Map<String, String> query = query(target);
        requests.add(r.method() + " " + URLDecoder.decode(path, StandardCharsets.UTF_8));
        if (path.startsWith("/upload/")) { // an upload session's pre-authenticated URL: no bearer token
            return uploads.put(r, path, query);
        }
        String auth = r.headers().getOrDefault("authorization", "");
        if (!auth.startsWith("Bearer ") || !tokens.test(auth.substring(7))) {
            return json(401, example("unauthorized.json"));
        }
        if (throttleLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throttledAt.add(System.nanoTime());
            return new LoopbackHttp.Response(429, Map.of("Content-Type", "application/json", "Retry-After",
                    String.valueOf(retryAfterSeconds)), example("throttled.json").toJSONString());
        }
        answeredAt.add(System.nanoTime());
        String prefix = "/v1.0/users/" + user.replace("@", "%40");
        String decodedPrefix = "/v1.0/users/" + user;
        String rest = path.startsWith(prefix) ? path.substring(prefix.length())
                : path.startsWith(decodedPrefix) ? path.substring(decodedPrefix.length()) : null;
        if (rest == null) {
            return error(404, "ErrorInvalidUser", "The requested user '" + path + "' is invalid.");
        }
        JSONObject body = null;
        if (r.method().equals("POST") || r.method().equals("PATCH")) {
            if (!r.headers().getOrDefault("content-type", "").startsWith("application/json")) {
                return violation("a " + r.method() + " without Content-Type: application/json");
            }
            Object parsed = new JSONParser(JSONParser.MODE_RFC4627).parse(new String(r.body(), StandardCharsets.UTF_8));
            if (!(parsed instanceof JSONObject j)) {
                return violation("the body is not a JSON object");
            }
            body = j;
        }
        return new FakeRoutes(this, r.method(), rest, query, body, target).answer();
    }

    LoopbackHttp.Response violation(String what) {
        violations.add(what);
        return error(400, "ErrorInvalidRequest", what);
    }

    static LoopbackHttp.Response error(int status, String code, String message) {
        return json(status, new JSONObject(Map.of("error", Map.of("code", code, "message", message))));
    }

    static LoopbackHttp.Response json(int status, Map<String, ?> o) {
        return new LoopbackHttp.Response(status, Map.of("Content-Type", "application/json"), JSONValue.toJSONString(o));
    }

    /** One page of {@code items} as Graph answers a listing, with {@code @odata.nextLink} when more follow. */
    LoopbackHttp.Response page(List<JSONObject> items, Map<String, String> query, String target) {
        return page(items, query, target, false);
    }

    /** A page; {@code counted}: its items count as item reads. */
    LoopbackHttp.Response page(List<JSONObject> items, Map<String, String> query, String target, boolean counted) {
        int skip = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
        List<JSONObject> value = items.subList(Math.min(skip, items.size()), Math.min(skip + pageSize, items.size()));
        if (counted) {
            itemReads.addAndGet(value.size());
        }
        JSONObject out = new JSONObject();
        out.put("value", new ArrayList<>(value));
        if (skip + pageSize < items.size()) {
            String base = target.replaceFirst("[&?]\\$skiptoken=\\d+", "");
            out.put("@odata.nextLink", "http://127.0.0.1:" + http.port() + base + (base.contains("?") ? "&" : "?")
                    + "$skiptoken=" + (skip + pageSize));
        }
        return json(200, out);
    }

    static Map<String, String> query(String target) {
        Map<String, String> q = new LinkedHashMap<>();
        int at = target.indexOf('?');
        if (at >= 0) {
            for (String p : target.substring(at + 1).split("&")) {
                int eq = p.indexOf('=');
                q.put(URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /** The UID a {@code $filter} on the extended property asks for, or null. */
    static String filteredUid(Map<String, String> query) {
        Matcher m = Pattern.compile("ep/value eq '((?:[^']|'')*)'").matcher(query.getOrDefault("$filter", ""));
        return m.find() ? m.group(1).replace("''", "'") : null;
    }

    /** A new Graph-like id. */
    static String newId() {
        return "AAMk" + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + "AAA=";
    }

    static String now() {
        return Instant.now().toString();
    }

    static OffsetDateTime time(String iso) {
        return OffsetDateTime.parse(iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$") ? iso : iso + "Z");
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
