package org.mailmigrator.connector.graph.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mailmigrator.testing.LoopbackHttp;

import net.minidev.json.JSONObject;

/** One request to the {@link GraphFake}: routed by method and path below {@code /users/UPN}. */
final class FakeRoutes {
    private final GraphFake fake;
    private final String method;
    private final String rest;
    private final Map<String, String> query;
    private final JSONObject body;
    private final String target;

    FakeRoutes(GraphFake fake, String method, String rest, Map<String, String> query, JSONObject body, String target) {
        this.fake = fake;
        this.method = method;
        this.rest = rest;
        this.query = query;
        this.body = body;
        this.target = target;
    }

    LoopbackHttp.Response answer() throws Exception {
        String[] p = rest.isEmpty() ? new String[0] : java.util.Arrays.stream(rest.substring(1).split("/"))
                .map(x -> java.net.URLDecoder.decode(x, java.nio.charset.StandardCharsets.UTF_8)).toArray(String[]::new);
        String route = method + " " + String.join("/", java.util.Arrays.stream(p).map(s -> s.matches("events|contacts|todo|lists"
                + "|tasks|calendars|instances|delta|calendarView|contactFolders|childFolders|photo|\\$value|attachments|createUploadSession")
                ? s : "{}").toList());
        synchronized (fake) {
            return switch (route) {
                case "GET " -> GraphFake.json(200, new JSONObject(Map.of("id", "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
                        "userPrincipalName", fake.user)));
                case "GET calendars" -> fake.page(List.of(new JSONObject(Map.of("id", GraphFake.CALENDAR_ID, "name", "Calendar",
                        "canEdit", true, "isDefaultCalendar", true))), query, target);
                case "GET calendars/{}/events", "GET events" -> fake.page(events(), query, target, true);
                case "GET events/{}" -> one(fake.calendar.events.containsKey(p[1]) ? events().stream()
                        .filter(e -> p[1].equals(e.getAsString("id"))).findFirst().orElse(null) : null);
                case "GET contacts/{}" -> one(withExtended(fake.contacts, fake.contacts.containsKey(p[1])
                        ? List.of(fake.contacts.get(p[1])) : List.of()).stream().findFirst().orElse(null));
                case "GET todo/lists/{}/tasks/{}" -> one(tasks(p[2]).stream().filter(t -> p[4].equals(t.getAsString("id")))
                        .findFirst().orElse(null));
                case "GET contacts/{}/photo/$value" -> fake.photos.containsKey(p[1])
                        ? new LoopbackHttp.Response(200, Map.of("Content-Type", "image/jpeg"), "", fake.photos.get(p[1]))
                        : GraphFake.error(404, "ImageNotFound", "The photo wasn't found.");
                case "GET events/{}/attachments" -> query.keySet().stream().anyMatch(k -> !k.equals("$skiptoken") && !k.equals("$select"))
                        ? fake.violation("list attachments takes no parameters here but $select: "
                        + query.keySet()) : fake.page(fake.attachments.getOrDefault(p[1], List.of()), query, target);
                case "GET events/{}/attachments/{}/$value" -> fake.uploads.value(p[1], p[3]);
                case "POST events/{}/attachments" -> fake.uploads.add(p[1], body);
                case "POST events/{}/attachments/createUploadSession" -> fake.uploads.session(p[1], body);
                case "GET contactFolders" -> fake.page(folders(GraphFake.CONTACTS_FOLDER_ID), query, target);
                case "GET contactFolders/{}/childFolders" -> fake.contactFolders.containsKey(p[1])
                        ? fake.page(folders(p[1]), query, target)
                        : GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
                case "GET contactFolders/{}/contacts" -> fake.contactFolders.containsKey(p[1])
                        ? fake.page(withExtended(fake.contacts, inFolder(p[1])), query, target, true)
                        : GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
                case "GET calendarView/delta" -> new FakeDelta(fake).answer("calendar", query, base());
                case "GET contactFolders/{}/contacts/delta" -> p[1].equals(GraphFake.CONTACTS_FOLDER_ID)
                        ? new FakeDelta(fake).answer("contacts", query, base())
                        : fake.contactFolders.containsKey(p[1]) ? new FakeDelta(fake).answer("contacts." + p[1], query, base())
                        : GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
                case "GET todo/lists/{}/tasks/delta" -> fake.taskLists.containsKey(p[2])
                        ? new FakeDelta(fake).answer("tasks." + p[2], query, base())
                        : GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
                case "POST events" -> createEvent();
                case "PATCH events/{}" -> patchEvent(p[1]);
                case "DELETE events/{}" -> deleteEvent(p[1]);
                case "GET events/{}/instances" -> instances(p[1]);
                case "GET contacts" -> "parentFolderId".equals(query.get("$select")) // the default folder's contacts only
                        ? fake.page(inFolder(GraphFake.CONTACTS_FOLDER_ID).stream().map(c -> new JSONObject(Map.of("id",
                                c.getAsString("id"), "parentFolderId", GraphFake.CONTACTS_FOLDER_ID))).toList(), query, target)
                        : fake.page(withExtended(fake.contacts, filtered(fake.contacts).stream().filter(c -> GraphFake.CONTACTS_FOLDER_ID
                                .equals(c.getAsString("parentFolderId"))).toList()), query, target, true);
                case "POST contacts" -> create(fake.contacts, FakeShapes.contact(body), "contact-created.json");
                case "PATCH contacts/{}" -> patch(fake.contacts, p[1], FakeShapes.contact(body));
                case "GET todo/lists" -> fake.page(new ArrayList<>(fake.taskLists.values()), query, target);
                case "POST todo/lists" -> createList();
                case "GET todo/lists/{}/tasks" -> fake.page(tasks(p[2]), query, target, true);
                case "POST todo/lists/{}/tasks" -> createTask(p[2]);
                case "PATCH todo/lists/{}/tasks/{}" -> patch(fake.tasks, p[4], FakeShapes.task(body));
                default -> fake.violation("no such Graph request: " + method + " " + rest);
            };
        }
    }

    /** The contact folders whose parent is {@code parent}. */
    private List<JSONObject> folders(String parent) {
        return fake.contactFolders.values().stream().filter(f -> parent.equals(f.getAsString("parentFolderId"))).toList();
    }

    /** The contacts of one folder. */
    private List<JSONObject> inFolder(String folder) {
        return fake.contacts.values().stream().filter(c -> folder.equals(c.getAsString("parentFolderId"))).toList();
    }

    /** The URL of this request without its query: where a delta round's links point. */
    private String base() {
        return fake.root().replaceFirst("/v1\\.0$", "") + target.replaceFirst("\\?.*", "");
    }

    /** One item read by id (an item read), or 404. */
    private LoopbackHttp.Response one(JSONObject o) {
        if (o == null) {
            return GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        fake.itemReads.incrementAndGet();
        return GraphFake.json(200, o);
    }

    private List<JSONObject> events() {
        List<JSONObject> all = new ArrayList<>();
        String uid = GraphFake.filteredUid(query);
        boolean expand = query.getOrDefault("$expand", "").contains("singleValueExtendedProperties");
        for (Map.Entry<String, JSONObject> e : fake.calendar.events.entrySet()) {
            if (uid == null || uid.equals(uidOf(e.getKey()))) {
                JSONObject o = FakeEvents.inUtc(e.getValue());
                if (expand && fake.extended.containsKey(e.getKey())) {
                    o.put("singleValueExtendedProperties", fake.extended.get(e.getKey()));
                }
                all.add(o);
            }
        }
        return all;
    }

    private String uidOf(String id) {
        List<Object> props = fake.extended.get(id);
        return props == null || props.isEmpty() ? null : String.valueOf(((Map<?, ?>) props.get(0)).get("value"));
    }

    private List<JSONObject> filtered(Map<String, JSONObject> items) {
        String uid = GraphFake.filteredUid(query);
        return items.keySet().stream().filter(id -> uid == null || uid.equals(uidOf(id))).map(items::get).toList();
    }

    private List<JSONObject> withExtended(Map<String, JSONObject> all, List<JSONObject> items) {
        boolean expand = query.getOrDefault("$expand", "").contains("singleValueExtendedProperties");
        List<JSONObject> out = new ArrayList<>();
        for (JSONObject o : items) {
            JSONObject c = new JSONObject(o);
            if (expand && fake.extended.containsKey(o.getAsString("id"))) {
                c.put("singleValueExtendedProperties", fake.extended.get(o.getAsString("id")));
            }
            out.add(c);
        }
        return out;
    }

    private LoopbackHttp.Response createEvent() throws Exception {
        String problem = FakeShapes.event(body, true, false);
        if (problem != null) {
            return fake.violation(problem);
        }
        if (body.get("attendees") instanceof List<?> a && !a.isEmpty()) {
            fake.invitationsSent += a.size(); // Graph sends a meeting request to each
        }
        JSONObject e = GraphFake.example("event-created.json");
        e.put("attendees", List.of());
        e.put("recurrence", null);
        overlay(e, body);
        e.put("iCalUId", "040000008200E00074C5B7101A82E008" + GraphFake.newId().substring(4, 20));
        e.put("type", body.containsKey("recurrence") ? "seriesMaster" : "singleInstance");
        e.put("originalStartTimeZone", ((Map<?, ?>) body.get("start")).get("timeZone"));
        e.put("originalEndTimeZone", ((Map<?, ?>) body.get("end")).get("timeZone"));
        fake.calendar.events.put(e.getAsString("id"), e);
        fake.changed("calendar", e.getAsString("id"));
        return GraphFake.json(201, e);
    }

    /** Request fields over the example, a new id, change key and times; extended properties kept aside. */
    private void overlay(JSONObject o, JSONObject request) {
        String id = GraphFake.newId();
        String changeKey = GraphFake.newId();
        o.putAll(request);
        Object ext = o.remove("singleValueExtendedProperties");
        o.remove("transactionId");
        if (ext instanceof List<?> l) {
            fake.extended.put(id, new ArrayList<>(l));
        }
        o.put("id", id);
        o.put("changeKey", changeKey);
        o.put("@odata.etag", "W/\"" + changeKey + "\"");
        o.put("createdDateTime", GraphFake.now());
        o.put("lastModifiedDateTime", GraphFake.now());
    }

    private LoopbackHttp.Response patchEvent(String id) {
        String series = fake.calendar.seriesOf(id);
        String problem = FakeShapes.event(body, false, series != null);
        if (problem != null) {
            return fake.violation(problem);
        }
        if (series != null) {
            JSONObject master = fake.calendar.events.get(series);
            JSONObject x = fake.calendar.exceptions.getOrDefault(id, new JSONObject(master));
            x.putAll(body);
            x.remove("recurrence");
            fake.calendar.exceptions.put(id, x);
            master.put("lastModifiedDateTime", GraphFake.now());
            fake.changed("calendar", series);
            return GraphFake.json(200, x);
        }
        JSONObject e = fake.calendar.events.get(id);
        if (e == null) {
            return GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        if (body.get("attendees") instanceof List<?> a && !a.isEmpty()) {
            fake.invitationsSent += a.size();
        }
        if (body.containsKey("recurrence")) { // a new pattern drops the series' exceptions, as Exchange does
            fake.calendar.exceptions.keySet().removeIf(k -> k.startsWith(id + "_"));
            fake.calendar.deleted.removeIf(k -> k.startsWith(id + "_"));
        }
        Object ext = body.remove("singleValueExtendedProperties");
        e.putAll(body);
        if (ext instanceof List<?> l) {
            fake.extended.put(id, new ArrayList<>(l));
        }
        e.put("changeKey", GraphFake.newId());
        e.put("lastModifiedDateTime", GraphFake.now());
        fake.changed("calendar", id);
        return GraphFake.json(200, e);
    }

    private LoopbackHttp.Response deleteEvent(String id) {
        if (fake.calendar.seriesOf(id) != null) {
            fake.calendar.deleted.add(id);
            fake.calendar.exceptions.remove(id);
            fake.calendar.events.get(fake.calendar.seriesOf(id)).put("lastModifiedDateTime", GraphFake.now());
            fake.changed("calendar", fake.calendar.seriesOf(id));
        } else if (fake.calendar.events.remove(id) == null) {
            return GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        return new LoopbackHttp.Response(204, Map.of(), "");
    }

    private LoopbackHttp.Response instances(String id) {
        if (!query.containsKey("startDateTime") || !query.containsKey("endDateTime")) {
            return fake.violation("instances needs startDateTime and endDateTime");
        }
        return fake.page(fake.calendar.instances(id, GraphFake.time(query.get("startDateTime")),
                GraphFake.time(query.get("endDateTime"))), query, target);
    }

    private LoopbackHttp.Response create(Map<String, JSONObject> store, String problem, String example) throws Exception {
        if (problem != null) {
            return fake.violation(problem);
        }
        JSONObject o = GraphFake.example(example);
        overlay(o, body);
        o.put("parentFolderId", GraphFake.CONTACTS_FOLDER_ID);
        store.put(o.getAsString("id"), o);
        fake.changed("contacts", o.getAsString("id"));
        return GraphFake.json(201, o);
    }

    private LoopbackHttp.Response patch(Map<String, JSONObject> store, String id, String problem) {
        if (problem != null) {
            return fake.violation(problem);
        }
        JSONObject o = store.get(id);
        if (o == null) {
            return GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        Object ext = body.remove("singleValueExtendedProperties");
        o.putAll(body);
        if (ext instanceof List<?> l) {
            fake.extended.put(id, new ArrayList<>(l));
        }
        o.put("lastModifiedDateTime", GraphFake.now());
        fake.changed(store == fake.contacts ? GraphFake.contactsCollection(o) : "tasks." + o.getAsString("parentList"), id);
        return GraphFake.json(200, o);
    }

    private LoopbackHttp.Response createList() {
        if (!(body.get("displayName") instanceof String name) || body.size() != 1) {
            return fake.violation("a todoTaskList is created with its displayName only");
        }
        JSONObject l = new JSONObject(Map.of("id", GraphFake.newId(), "displayName", name, "isOwner", true, "isShared", false,
                "wellknownListName", "none"));
        fake.taskLists.put(l.getAsString("id"), l);
        return GraphFake.json(201, l);
    }

    private List<JSONObject> tasks(String list) {
        boolean expand = query.getOrDefault("$expand", "").contains("linkedResources");
        List<JSONObject> out = new ArrayList<>();
        for (JSONObject t : fake.tasks.values()) {
            if (list.equals(t.getAsString("parentList"))) {
                JSONObject c = new JSONObject(t);
                c.remove("parentList");
                if (!expand) {
                    c.remove("linkedResources");
                }
                out.add(c);
            }
        }
        return out;
    }

    private LoopbackHttp.Response createTask(String list) throws Exception {
        if (!fake.taskLists.containsKey(list)) {
            return GraphFake.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        String problem = FakeShapes.task(body);
        if (problem != null) {
            return fake.violation(problem);
        }
        JSONObject t = GraphFake.example("todotask-created.json");
        overlay(t, body);
        List<Object> linked = new ArrayList<>();
        if (body.get("linkedResources") instanceof List<?> l) {
            for (Object o : l) {
                JSONObject r = new JSONObject();
                ((Map<?, ?>) o).forEach((k, v) -> r.put(String.valueOf(k), v));
                r.put("id", java.util.UUID.randomUUID().toString());
                linked.add(r);
            }
        }
        t.put("linkedResources", linked);
        t.put("parentList", list);
        fake.tasks.put(t.getAsString("id"), t);
        fake.changed("tasks." + list, t.getAsString("id"));
        JSONObject answer = new JSONObject(t);
        answer.remove("parentList");
        return GraphFake.json(201, answer);
    }
}
