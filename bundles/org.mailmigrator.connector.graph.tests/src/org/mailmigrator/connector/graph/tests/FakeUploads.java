package org.mailmigrator.connector.graph.tests;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailmigrator.testing.LoopbackHttp;

import net.minidev.json.JSONObject;

/**
 * Event attachments in the {@link GraphFake} (a <b>protocol fake</b>), after Microsoft's v1.0 reference ("Add
 * attachment" to an event, "attachment: createUploadSession", "Attach large files to Outlook messages or events"):
 * a fileAttachment POSTed with its contentBytes is refused over 3 MB (HTTP 413, as Graph refuses it); an upload session
 * answers the documented {@code uploadSession} ({@code data/upload-session.json}) with a pre-authenticated
 * {@code uploadUrl} that takes PUTs with <b>no</b> Authorization header, each with {@code Content-Range: bytes
 * FROM-TO/TOTAL} where FROM is the next byte expected, TOTAL the size the session was made for, the body exactly the
 * range, at most 4 MB, and every range but the last a multiple of 320 KiB; 200 with {@code nextExpectedRanges} until
 * the last byte, then 201 with a Location and the attachment made. Anything else is a violation (HTTP 400).
 */
final class FakeUploads {
    static final long INLINE_MAX = 3L * 1024 * 1024;
    static final int MAX_RANGE = 4 * 1024 * 1024;
    static final int RANGE_UNIT = 320 * 1024;
    private static final Set<String> FILE_ATTACHMENT = Set.of("@odata.type", "name", "contentType", "contentBytes",
            "isInline", "contentId");
    private static final Set<String> ATTACHMENT_ITEM = Set.of("attachmentType", "name", "size", "contentType", "isInline",
            "contentId");
    private final GraphFake fake;
    /** Open sessions by id. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** The bytes of every attachment by its id ({@code GET .../attachments/{id}/$value}). */
    final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    /** Every PUT received: "FROM-TO/TOTAL length". */
    final List<String> ranges = Collections.synchronizedList(new ArrayList<>());

    private static final class Session {
        final String event;
        final JSONObject item;
        final String token = UUID.randomUUID().toString();
        final byte[] data;
        int next;

        Session(String event, JSONObject item, int size) {
            this.event = event;
            this.item = item;
            this.data = new byte[size];
        }
    }

    FakeUploads(GraphFake fake) {
        this.fake = fake;
    }

    /** {@code POST /events/{id}/attachments}: a file of at most 3 MB with its bytes. */
    LoopbackHttp.Response add(String event, JSONObject body) {
        if (!fake.calendar.events.containsKey(event)) {
            return GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        for (String k : body.keySet()) {
            if (!FILE_ATTACHMENT.contains(k)) {
                return fake.violation("'" + k + "' is not a writable property of fileAttachment");
            }
        }
        if (!"#microsoft.graph.fileAttachment".equals(body.get("@odata.type")) || !(body.get("name") instanceof String name)
                || !(body.get("contentBytes") instanceof String content)) {
            return fake.violation("an attachment is a #microsoft.graph.fileAttachment with name and contentBytes");
        }
        byte[] data = Base64.getDecoder().decode(content);
        if (data.length > INLINE_MAX) {
            fake.violations.add("a " + data.length + " bytes attachment sent inline (Graph takes up to 3 MB so)");
            return GraphFake.error(413, "ErrorRequestEntityTooLarge", "The request is larger than 3 MB: use an upload session.");
        }
        return GraphFake.json(201, attach(event, name, String.valueOf(body.getOrDefault("contentType", "application/octet-stream")), data));
    }

    /** {@code POST /events/{id}/attachments/createUploadSession}. */
    LoopbackHttp.Response session(String event, JSONObject body) throws Exception {
        if (!fake.calendar.events.containsKey(event)) {
            return GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        if (body.size() != 1 || !(body.get("AttachmentItem") instanceof Map<?, ?> item)) {
            return fake.violation("createUploadSession takes AttachmentItem only");
        }
        for (Object k : item.keySet()) {
            if (!ATTACHMENT_ITEM.contains(k)) {
                return fake.violation("'" + k + "' is not a property of attachmentItem");
            }
        }
        if (!"file".equals(item.get("attachmentType")) || !(item.get("name") instanceof String)
                || !(item.get("size") instanceof Number size) || size.longValue() < 1 || size.longValue() > 150L * 1024 * 1024) {
            return fake.violation("an attachmentItem needs attachmentType file, a name and a size of 1 byte to 150 MB");
        }
        JSONObject copy = new JSONObject();
        item.forEach((k, v) -> copy.put(String.valueOf(k), v));
        Session s = new Session(event, copy, size.intValue());
        String id = GraphFake.newId();
        sessions.put(id, s);
        JSONObject answer = GraphFake.example("upload-session.json");
        answer.put("uploadUrl", fake.root().replaceFirst("/v1\\.0$", "") + "/upload/AttachmentSessions/" + id
                + "?authtoken=" + s.token);
        answer.put("nextExpectedRanges", List.of("0-"));
        return GraphFake.json(201, answer);
    }

    /** A PUT to an upload URL (reached without the bearer check: the URL is its own authorization). */
    synchronized LoopbackHttp.Response put(LoopbackHttp.Request r, String path, Map<String, String> query) {
        if (!r.method().equals("PUT")) {
            return fake.violation("an upload URL takes PUT, not " + r.method());
        }
        if (r.headers().containsKey("authorization")) {
            fake.violations.add("an upload PUT with an Authorization header (the uploadUrl is pre-authenticated)");
            return GraphFake.error(401, "InvalidAuthenticationToken", "Do not send an Authorization header to the uploadUrl.");
        }
        Session s = sessions.get(path.substring(path.lastIndexOf('/') + 1));
        if (s == null || !s.token.equals(query.get("authtoken"))) {
            return GraphFake.error(404, "ErrorItemNotFound", "The upload session was not found.");
        }
        Matcher m = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)").matcher(r.headers().getOrDefault("content-range", ""));
        if (!m.matches()) {
            return fake.violation("an upload PUT needs Content-Range: bytes FROM-TO/TOTAL");
        }
        long from = Long.parseLong(m.group(1));
        long to = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        int length = r.body().length;
        ranges.add(from + "-" + to + "/" + total + " " + length);
        if (total != s.data.length || from != s.next || to < from || to >= total || to - from + 1 != length) {
            return fake.violation("range " + from + "-" + to + "/" + total + " with " + length + " bytes: the session expects byte "
                    + s.next + " of " + s.data.length);
        }
        if (length > MAX_RANGE) {
            return fake.violation("a range of " + length + " bytes (at most 4 MB a request)");
        }
        if (to + 1 < total && length % RANGE_UNIT != 0) {
            return fake.violation("a range of " + length + " bytes that is not the last is not a multiple of 320 KiB");
        }
        System.arraycopy(r.body(), 0, s.data, (int) from, length);
        s.next = (int) to + 1;
        if (s.next < total) {
            return GraphFake.json(200, new JSONObject(Map.of("expirationDateTime", GraphFake.now(),
                    "nextExpectedRanges", List.of(s.next + "-"))));
        }
        sessions.values().remove(s);
        synchronized (fake) {
            JSONObject a = attach(s.event, String.valueOf(s.item.get("name")),
                    String.valueOf(s.item.getOrDefault("contentType", "application/octet-stream")), s.data);
            return new LoopbackHttp.Response(201, Map.of("Location", fake.root() + "/users/" + fake.user + "/events/" + s.event
                    + "/attachments/" + a.getAsString("id")), "");
        }
    }

    /** The attachment as "List attachments" answers it (its bytes apart, {@code $value}). */
    private JSONObject attach(String event, String name, String type, byte[] data) {
        JSONObject a = new JSONObject();
        a.put("@odata.type", "#microsoft.graph.fileAttachment");
        a.put("id", GraphFake.newId());
        a.put("name", name);
        a.put("contentType", type);
        a.put("size", data.length);
        a.put("isInline", false);
        a.put("lastModifiedDateTime", GraphFake.now());
        bytes.put(a.getAsString("id"), data);
        List<JSONObject> list = new ArrayList<>(fake.attachments.getOrDefault(event, List.of()));
        list.add(a);
        fake.attachments.put(event, list);
        fake.calendar.events.get(event).put("hasAttachments", true);
        return a;
    }

    /** {@code GET /events/{id}/attachments/{id}/$value}: the file's bytes. */
    LoopbackHttp.Response value(String event, String id) {
        byte[] data = bytes.get(id);
        boolean listed = fake.attachments.getOrDefault(event, List.of()).stream().anyMatch(a -> id.equals(a.getAsString("id")));
        return data == null || !listed ? GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.")
                : new LoopbackHttp.Response(200, Map.of("Content-Type", "application/octet-stream"), "", data);
    }
}
