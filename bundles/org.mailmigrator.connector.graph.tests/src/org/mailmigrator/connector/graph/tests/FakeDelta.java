package org.mailmigrator.connector.graph.tests;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.testing.LoopbackHttp;

import net.minidev.json.JSONObject;

/**
 * The delta queries of the {@link GraphFake} (learn.microsoft.com/graph/delta-query-overview, event-delta,
 * contact-delta, todotask-delta): a round's first request ({@code calendarView/delta} with its window,
 * {@code contactFolders/{id}/contacts/delta}, {@code todo/lists/{id}/tasks/delta}) lists everything, page by page
 * ({@code @odata.nextLink} with a {@code $skiptoken}), and ends with an {@code @odata.deltaLink} whose
 * {@code $deltatoken} gives, next time, what changed since: the changed items (a series as one of its occurrences,
 * with {@code seriesMasterId}, as a calendarView does) and removals ({@code @removed}). Follow-up requests must be
 * the links exactly (Graph encodes the first request's parameters in the token); a token from before
 * {@link GraphFake#expireDeltaTokens()} is answered 410 {@code SyncStateNotFound}.
 */
final class FakeDelta {
    private final GraphFake fake;

    FakeDelta(GraphFake fake) {
        this.fake = fake;
    }

    LoopbackHttp.Response answer(String collection, Map<String, String> query, String base) {
        String skip = query.get("$skiptoken");
        String delta = query.get("$deltatoken");
        if (skip == null && delta == null) {
            return first(collection, query, base);
        }
        if (query.size() != 1) {
            return fake.violation("a delta follow-up is the @odata.nextLink/@odata.deltaLink as given, not " + query.keySet());
        }
        String[] t = (skip != null ? skip : delta).split("\\.");
        if (t.length < 3 || !t[0].equals(collection.replace('.', '_'))) {
            return fake.violation("a delta token of another collection: " + (skip != null ? skip : delta));
        }
        if (Integer.parseInt(t[1]) != fake.deltaEpoch) {
            return GraphFake.error(410, "SyncStateNotFound", "The sync state generation is not found.");
        }
        int since = Integer.parseInt(t[2]);
        if (skip != null) { // a page of the first listing
            return listing(collection, since, Integer.parseInt(t[3]), t.length > 5 ? new String[] { t[4], t[5] } : null, base);
        }
        String[] window = t.length > 4 ? new String[] { t[3], t[4] } : null;
        Set<String> ids = new LinkedHashSet<>();
        for (String[] c : fake.changes.subList(since, fake.changes.size())) {
            if (c[0].equals(collection)) {
                ids.add(c[1]);
            }
        }
        List<JSONObject> value = new ArrayList<>();
        for (String id : ids) {
            JSONObject c = changed(collection, id, window);
            if (c != null) {
                value.add(c);
            }
        }
        fake.deltaItems.addAndGet(value.size());
        JSONObject out = new JSONObject();
        out.put("value", value);
        out.put("@odata.deltaLink", base + "?$deltatoken=" + collection.replace('.', '_') + "." + fake.deltaEpoch + "."
                + fake.changes.size() + (window == null ? "" : "." + window[0] + "." + window[1]));
        return GraphFake.json(200, out);
    }

    private LoopbackHttp.Response first(String collection, Map<String, String> query, String base) {
        String window = null;
        if (collection.equals("calendar")) {
            if (!query.keySet().equals(Set.of("startDateTime", "endDateTime"))) {
                return fake.violation("calendarView/delta takes startDateTime and endDateTime (and nothing else), not "
                        + query.keySet());
            }
            try {
                window = GraphFake.time(query.get("startDateTime")).toEpochSecond() + "_"
                        + GraphFake.time(query.get("endDateTime")).toEpochSecond();
            } catch (RuntimeException e) {
                return fake.violation("startDateTime/endDateTime are not ISO 8601: " + query);
            }
        } else if (!query.isEmpty()) {
            return fake.violation("the first request of a " + collection + " delta round takes no parameters here: " + query);
        }
        return listing(collection, fake.changes.size(), 0, window == null ? null : window.split("_"), base);
    }

    private LoopbackHttp.Response listing(String collection, int since, int offset, String[] window, String base) {
        List<JSONObject> all = everything(collection, window);
        int end = Math.min(all.size(), offset + fake.pageSize);
        JSONObject out = new JSONObject();
        out.put("value", new ArrayList<>(all.subList(Math.min(offset, all.size()), end)));
        fake.deltaItems.addAndGet(end - Math.min(offset, all.size()));
        String epoch = collection.replace('.', '_') + "." + fake.deltaEpoch + "." + since;
        if (end < all.size()) {
            out.put("@odata.nextLink", base + "?$skiptoken=" + epoch + "." + end + (window == null ? "" : "." + window[0] + "." + window[1]));
        } else {
            out.put("@odata.deltaLink", base + "?$deltatoken=" + epoch + (window == null ? "" : "." + window[0] + "." + window[1]));
        }
        return GraphFake.json(200, out);
    }

    private List<JSONObject> everything(String collection, String[] window) {
        List<JSONObject> all = new ArrayList<>();
        if (collection.equals("calendar")) {
            OffsetDateTime from = at(window[0]);
            OffsetDateTime to = at(window[1]);
            for (Map.Entry<String, JSONObject> e : fake.calendar.events.entrySet()) {
                if (e.getValue().get("recurrence") instanceof Map<?, ?>) {
                    all.addAll(fake.calendar.instances(e.getKey(), from, to));
                } else {
                    all.add(FakeEvents.inUtc(e.getValue()));
                }
            }
        } else if (collection.startsWith("contacts")) { // the folder's own contacts
            fake.contacts.values().stream().filter(c -> collection.equals(GraphFake.contactsCollection(c)))
                    .forEach(c -> all.add(new JSONObject(c)));
        } else {
            String list = collection.substring("tasks.".length());
            fake.tasks.values().stream().filter(t -> list.equals(t.getAsString("parentList"))).forEach(t -> {
                JSONObject c = new JSONObject(t);
                c.remove("parentList");
                c.remove("linkedResources");
                all.add(c);
            });
        }
        return all;
    }

    private static OffsetDateTime at(String epochSecond) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(Long.parseLong(epochSecond)), java.time.ZoneOffset.UTC);
    }

    /** The changed item as a delta round gives it; null for an event outside the calendarView's window. */
    private JSONObject changed(String collection, String id, String[] window) {
        JSONObject now = collection.equals("calendar") ? fake.calendar.events.get(id)
                : collection.startsWith("contacts") ? fake.contacts.get(id) : fake.tasks.get(id);
        if (now == null) {
            return new JSONObject(Map.of("id", id, "@removed", Map.of("reason", "deleted")));
        }
        if (collection.equals("calendar") && window != null) {
            OffsetDateTime from = at(window[0]);
            OffsetDateTime to = at(window[1]);
            boolean inView = now.get("recurrence") instanceof Map<?, ?> ? !fake.calendar.instances(id, from, to).isEmpty()
                    : FakeEvents.instant(now.get("start")).isBefore(to) && FakeEvents.instant(now.get("end")).isAfter(from);
            if (!inView) {
                return null;
            }
        }
        if (collection.equals("calendar") && now.get("recurrence") instanceof Map<?, ?>) {
            // a calendarView holds occurrences, not series: a changed series shows as an occurrence of it
            return new JSONObject(Map.of("id", id + "_occurrence", "seriesMasterId", id, "type", "occurrence"));
        }
        // the window is the round's: Graph keeps it in the token
        JSONObject c = collection.equals("calendar") ? FakeEvents.inUtc(now) : new JSONObject(now);
        c.remove("parentList");
        return c;
    }
}
