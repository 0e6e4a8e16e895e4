package org.mailmigrator.connector.graph.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;

import net.minidev.json.JSONObject;

/**
 * Reads every calendar's events (single events and series masters, with the series' modified occurrences as
 * RECURRENCE-ID overrides, its deleted ones as EXDATE, file attachments inline: up to 3 MB as listed, larger ones
 * read by their {@code $value}, up to 50 MB), the contacts (with their photos) of the default folder and of each
 * folder below it (its own address book, named by its path) and every To Do list's tasks of the mailbox, page by
 * page ({@code @odata.nextLink}), one item at a time. With a {@code syncState} file, the default calendar, each
 * contact folder and each To Do list are read incrementally through Graph's delta queries ({@link DeltaPass}). An
 * item Graph gives in a shape this reader cannot turn into iCalendar/vCard is a {@link PimEntry.Malformed} naming
 * its Graph id; the others go on.
 */
final class GraphReader implements PimReader {
    private final GraphHttp http;
    private final GraphSettings settings;
    private final DeltaMemory memory;
    private final DeltaPass delta;

    GraphReader(GraphHttp http, GraphSettings settings, DeltaMemory memory) {
        this.http = http;
        this.settings = settings;
        this.memory = memory;
        this.delta = new DeltaPass(http, memory);
    }

    private String expandUid() {
        return "$expand=" + GraphHttp.segment("singleValueExtendedProperties($filter=id eq '" + EventJson.UID_PROPERTY + "')");
    }

    @Override
    public void read(Sink sink) throws ConnectorException {
        String user = settings.userPath();
        boolean[] go = { true };
        if (!settings.read().equals("contacts")) {
            http.list(user + "/calendars?$select=id,name,isDefaultCalendar", cal -> {
                String name = cal.getAsString("name");
                String events = user + "/calendars/" + GraphHttp.segment(cal.getAsString("id")) + "/events?" + expandUid();
                if (memory.enabled() && Boolean.TRUE.equals(cal.get("isDefaultCalendar"))) {
                    Instant now = Instant.now();
                    go[0] = delta.pass("calendar", user + "/calendarView/delta?startDateTime="
                            + now.minus(java.time.Duration.ofDays(366)).toString().replaceFirst("\\.\\d+Z$", "Z")
                            + "&endDateTime=" + now.plus(java.time.Duration.ofDays(3 * 366)).toString().replaceFirst("\\.\\d+Z$", "Z"),
                            events, id -> user + "/events/" + GraphHttp.segment(id) + "?" + expandUid(), e -> event(e, name), sink);
                } else {
                    http.list(events, e -> go[0] = sink.accept(event(e, name)));
                }
                return go[0];
            });
            if (!go[0]) {
                return;
            }
            http.list(user + "/todo/lists", list -> {
                String name = list.getAsString("displayName");
                String tasks = user + "/todo/lists/" + GraphHttp.segment(list.getAsString("id")) + "/tasks";
                DeltaPass.Convert task = t -> entry(ItemKind.TASKS, name, t, () -> IcsFromGraph.task(t));
                if (memory.enabled()) {
                    go[0] = delta.pass("tasks." + list.getAsString("id"), tasks + "/delta", tasks + "?$expand=linkedResources",
                            id -> tasks + "/" + GraphHttp.segment(id) + "?$expand=linkedResources", task, sink);
                } else {
                    http.list(tasks + "?$expand=linkedResources", t -> go[0] = sink.accept(task.entry(t)));
                }
                return go[0];
            });
        }
        if (go[0] && !settings.read().equals("calendars")) {
            String contacts = user + "/contacts?" + expandUid();
            String folder = memory.enabled() ? defaultContactFolder() : null;
            if (folder != null) {
                go[0] = delta.pass("contacts." + folder, user + "/contactFolders/" + GraphHttp.segment(folder) + "/contacts/delta",
                        contacts, id -> user + "/contacts/" + GraphHttp.segment(id) + "?" + expandUid(), c -> contact(c, "contacts"), sink);
            } else {
                http.list(contacts, c -> go[0] = sink.accept(contact(c, "contacts")));
            }
            if (go[0]) {
                folders(user + "/contactFolders?$select=id,displayName", "", sink);
            }
        }
    }

    /**
     * The contact folders below the default one (and theirs), each read as its own address book named by its path
     * ({@code Clients}, {@code Clients/Europe}); through a delta query of its own when a sync state is kept.
     *
     * @return false when the sink asked to stop
     */
    private boolean folders(String listing, String parentPath, Sink sink) throws ConnectorException {
        String user = settings.userPath();
        boolean[] go = { true };
        List<JSONObject> found = new ArrayList<>();
        http.list(listing, f -> found.add(f));
        for (JSONObject f : found) {
            String id = f.getAsString("id");
            String name = parentPath + String.valueOf(f.getOrDefault("displayName", id));
            String folder = user + "/contactFolders/" + GraphHttp.segment(id);
            String contacts = folder + "/contacts?" + expandUid();
            DeltaPass.Convert convert = c -> contact(c, name);
            if (memory.enabled()) {
                go[0] = delta.pass("contacts." + id, folder + "/contacts/delta", contacts,
                        cid -> user + "/contacts/" + GraphHttp.segment(cid) + "?" + expandUid(), convert, sink);
            } else {
                http.list(contacts, c -> go[0] = sink.accept(convert.entry(c)));
            }
            if (!go[0] || !folders(folder + "/childFolders?$select=id,displayName", name + "/", sink)) {
                return false;
            }
        }
        return true;
    }

    /** The id of the default contact folder (the parent of the contacts {@code /contacts} lists), or null when empty. */
    private String defaultContactFolder() throws ConnectorException {
        JSONObject page = http.get(settings.userPath() + "/contacts?$select=parentFolderId&$top=1");
        if (page.get("value") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> c) {
            return (String) c.get("parentFolderId");
        }
        return null;
    }

    /** A contact with its photo ({@code GET /contacts/{id}/photo/$value}; 404: it has none). */
    private PimEntry contact(JSONObject c, String collection) throws ConnectorException {
        String uid = IcsFromGraph.uid(c);
        GraphHttp.Binary photo = http.binary(settings.userPath() + "/contacts/" + GraphHttp.segment(c.getAsString("id"))
                + "/photo/$value").orElse(null);
        try {
            return new PimEntry.Item(new PimItem(ItemKind.CONTACTS, collection, uid, ContactJson.vcard(c, uid, photo),
                    "graph contact " + c.getAsString("id")));
        } catch (RuntimeException ex) {
            return new PimEntry.Malformed("graph contact " + c.getAsString("id"), ex.toString());
        }
    }

    private PimEntry event(JSONObject e, String calendar) throws ConnectorException {
        List<JSONObject> exceptions = new ArrayList<>();
        List<String> exdates = List.of();
        List<String> notes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if ("seriesMaster".equals(e.getAsString("type")) && e.get("recurrence") instanceof Map<?, ?> rec
                && rec.get("range") instanceof Map<?, ?> range) {
            String from = range.get("startDate") + "T00:00:00Z";
            Object endDate = range.get("endDate");
            String to = endDate != null && !"0001-01-01".equals(endDate) ? endDate + "T23:59:59Z"
                    : LocalDate.parse(String.valueOf(range.get("startDate"))).plusYears(2) + "T00:00:00Z";
            Set<Instant> listed = new HashSet<>();
            Set<LocalDate> days = new HashSet<>();
            String zone = IcsFromGraph.zone(e);
            http.list(settings.userPath() + "/events/" + GraphHttp.segment(e.getAsString("id")) + "/instances?startDateTime="
                    + from + "&endDateTime=" + to, i -> {
                        if ("exception".equals(i.getAsString("type"))) {
                            exceptions.add(i);
                        }
                        Optional.ofNullable(EventExtras.originalStart(i)).ifPresent(t -> {
                            listed.add(t);
                            days.add(t.atZone(ZoneId.of(zone)).toLocalDate());
                        });
                        return true;
                    });
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) rec;
                exdates = EventExtras.deleted(Rrules.fromGraph(r), IcsFromGraph.local(e.get("start"), zone), ZoneId.of(zone),
                        Boolean.TRUE.equals(e.get("isAllDay")), listed, days, Instant.parse(to));
            } catch (RuntimeException ex) {
                return new PimEntry.Malformed("graph calendar " + e.getAsString("id"), "the deleted occurrences of the series "
                        + "cannot be worked out: " + ex.getMessage());
            }
        }
        if (!exdates.isEmpty()) {
            String zone = IcsFromGraph.zone(e);
            lines.add(EventExtras.exdate(exdates, zone, Boolean.TRUE.equals(e.get("isAllDay"))));
        }
        if (Boolean.TRUE.equals(e.get("hasAttachments"))) {
            List<JSONObject> attachments = new ArrayList<>();
            http.list(settings.userPath() + "/events/" + GraphHttp.segment(e.getAsString("id")) + "/attachments", a -> attachments.add(a));
            String each = settings.userPath() + "/events/" + GraphHttp.segment(e.getAsString("id")) + "/attachments/";
            lines.addAll(EventExtras.attachments(attachments, notes, aid -> http.binary(each + GraphHttp.segment(aid) + "/$value")
                    .map(GraphHttp.Binary::bytes).orElse(null)));
        }
        return entry(ItemKind.CALENDAR, calendar, e, () -> IcsFromGraph.event(e, exceptions, lines), notes);
    }

    private PimEntry entry(ItemKind kind, String collection, JSONObject o, Text text) {
        return entry(kind, collection, o, text, List.of());
    }

    private PimEntry entry(ItemKind kind, String collection, JSONObject o, Text text, List<String> notes) {
        String where = "graph " + kind.id() + " " + o.getAsString("id");
        try {
            String uid = kind == ItemKind.TASKS ? Optional.ofNullable(TaskJson.uid(o)).orElse(o.getAsString("id"))
                    : IcsFromGraph.uid(o);
            return new PimEntry.Item(new PimItem(kind, collection == null ? kind.id() : collection, uid, text.get(), where, notes));
        } catch (RuntimeException ex) {
            return new PimEntry.Malformed(where, String.valueOf(ex.getMessage()));
        }
    }

    @Override
    public void outcome(PimOutcome outcome) {
        // arrived: not read again; a failed item stays unconfirmed and is read again next pass
        outcome.arrived().ifPresent(i -> memory.arrived(i.key()));
    }

    @FunctionalInterface
    private interface Text {
        String get();
    }
}
