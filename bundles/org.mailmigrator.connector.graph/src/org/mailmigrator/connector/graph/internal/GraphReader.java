package org.mailmigrator.connector.graph.internal;

import java.util.List;
import java.util.Map;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;

import net.minidev.json.JSONObject;

/**
 * Reads every calendar's events (single events and series masters, with the series' modified occurrences as
 * RECURRENCE-ID overrides), the contacts and every To Do list's tasks of the mailbox, page by page
 * ({@code @odata.nextLink}), one item at a time. An item Graph gives in a shape this reader cannot turn into
 * iCalendar/vCard is a {@link PimEntry.Malformed} naming its Graph id; the others go on.
 */
final class GraphReader implements PimReader {
    private final GraphHttp http;
    private final GraphSettings settings;

    GraphReader(GraphHttp http, GraphSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public void read(Sink sink) throws ConnectorException {
        String user = settings.userPath();
        boolean[] go = { true };
        if (!settings.read().equals("contacts")) {
            http.list(user + "/calendars?$select=id,name", cal -> {
                String name = cal.getAsString("name");
                http.list(user + "/calendars/" + GraphHttp.segment(cal.getAsString("id")) + "/events?$expand="
                        + GraphHttp.segment("singleValueExtendedProperties($filter=id eq '" + EventJson.UID_PROPERTY + "')"),
                        e -> go[0] = sink.accept(event(e, name)));
                return go[0];
            });
            if (!go[0]) {
                return;
            }
            http.list(user + "/todo/lists", list -> {
                String name = list.getAsString("displayName");
                http.list(user + "/todo/lists/" + GraphHttp.segment(list.getAsString("id")) + "/tasks?$expand=linkedResources",
                        t -> go[0] = sink.accept(entry(ItemKind.TASKS, name, t, () -> IcsFromGraph.task(t))));
                return go[0];
            });
        }
        if (go[0] && !settings.read().equals("calendars")) {
            http.list(user + "/contacts?$expand=" + GraphHttp.segment("singleValueExtendedProperties($filter=id eq '"
                    + EventJson.UID_PROPERTY + "')"), c -> {
                        String uid = IcsFromGraph.uid(c);
                        try {
                            return sink.accept(new PimEntry.Item(new PimItem(ItemKind.CONTACTS, "contacts", uid,
                                    ContactJson.vcard(c, uid), "graph contact " + c.getAsString("id"))));
                        } catch (RuntimeException ex) {
                            return sink.accept(new PimEntry.Malformed("graph contact " + c.getAsString("id"), ex.toString()));
                        }
                    });
        }
    }

    private PimEntry event(JSONObject e, String calendar) throws ConnectorException {
        List<JSONObject> exceptions = new java.util.ArrayList<>();
        if ("seriesMaster".equals(e.getAsString("type")) && e.get("recurrence") instanceof Map<?, ?> rec
                && rec.get("range") instanceof Map<?, ?> range) {
            String from = range.get("startDate") + "T00:00:00Z";
            Object endDate = range.get("endDate");
            String to = endDate != null && !"0001-01-01".equals(endDate) ? endDate + "T23:59:59Z"
                    : java.time.LocalDate.parse(String.valueOf(range.get("startDate"))).plusYears(2) + "T00:00:00Z";
            http.list(settings.userPath() + "/events/" + GraphHttp.segment(e.getAsString("id")) + "/instances?startDateTime="
                    + from + "&endDateTime=" + to, i -> {
                        if ("exception".equals(i.getAsString("type"))) {
                            exceptions.add(i);
                        }
                        return true;
                    });
        }
        return entry(ItemKind.CALENDAR, calendar, e, () -> IcsFromGraph.event(e, exceptions));
    }

    private PimEntry entry(ItemKind kind, String collection, JSONObject o, Text text) {
        String where = "graph " + kind.id() + " " + o.getAsString("id");
        try {
            String uid = kind == ItemKind.TASKS ? java.util.Optional.ofNullable(TaskJson.uid(o)).orElse(o.getAsString("id"))
                    : IcsFromGraph.uid(o);
            return new PimEntry.Item(new PimItem(kind, collection == null ? kind.id() : collection, uid, text.get(), where));
        } catch (RuntimeException ex) {
            return new PimEntry.Malformed(where, String.valueOf(ex.getMessage()));
        }
    }

    @FunctionalInterface
    private interface Text {
        String get();
    }
}
