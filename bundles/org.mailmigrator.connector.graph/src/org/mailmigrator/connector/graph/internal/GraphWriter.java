package org.mailmigrator.connector.graph.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.spi.ConnectorException;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VToDo;
import net.minidev.json.JSONObject;

/**
 * Writes events (into the mailbox's default calendar, then their modified and deleted occurrences and their file
 * attachments: {@link EventAttachments}), contacts
 * (default contacts folder) and tasks (the To Do list of the {@code todoList} setting, else the default list). An
 * item is found again by its source UID (an extended property, a task's linked resource), so a run without state
 * updates in place instead of creating a copy. The stored resource is {@code events/ID}, {@code contacts/ID} or
 * {@code todo/lists/LIST/tasks/ID}.
 */
final class GraphWriter implements PimWriter {
    private final GraphHttp http;
    private final GraphSettings settings;
    private final Occurrences occurrences;
    private final EventAttachments attachments;
    private String taskList;

    GraphWriter(GraphHttp http, GraphSettings settings) {
        this.http = http;
        this.settings = settings;
        this.occurrences = new Occurrences(http, settings.userPath());
        this.attachments = new EventAttachments(http, settings.userPath());
    }

    @Override
    public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
        List<String> notes = new ArrayList<>();
        return switch (item.kind()) {
            case CONTACTS -> contact(item, previous, notes);
            case TASKS -> task(item, previous, notes);
            default -> event(item, previous, notes);
        };
    }

    private Written event(PimItem item, Optional<Stored> previous, List<String> notes) throws ConnectorException {
        Calendar calendar = parse(item);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        VEvent master = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isEmpty()).findFirst()
                .orElseThrow(() -> new ConnectorException.ItemFailure(item.describe() + " has no master VEVENT", null));
        Map<String, Object> json = EventJson.of(master, item.uid(), true, notes);
        String base = settings.userPath() + "/events";
        Optional<String> id = existing(previous, "events/", base, item.uid());
        JSONObject saved;
        if (id.isPresent()) {
            Map<String, Object> patch = new java.util.LinkedHashMap<>(json);
            patch.remove("transactionId"); // create only
            saved = http.send("PATCH", base + "/" + GraphHttp.segment(id.get()), patch);
        } else {
            saved = http.send("POST", base, json);
        }
        String eventId = saved.getAsString("id");
        occurrences.apply(eventId, master, events, item.uid(), notes);
        attachments.write(eventId, master, events.stream().filter(e -> e != master).toList(), id.isEmpty(), notes);
        return new Written(new Stored("events/" + eventId, saved.getAsString("changeKey")), id.isEmpty(), notes);
    }

    private Written contact(PimItem item, Optional<Stored> previous, List<String> notes) throws ConnectorException {
        VCard card = Ezvcard.parse(item.text()).first();
        if (card == null) {
            throw new ConnectorException.ItemFailure(item.describe() + " is not a vCard", null);
        }
        Map<String, Object> json = ContactJson.of(card, item.uid(), notes);
        String base = settings.userPath() + "/contacts";
        Optional<String> id = existing(previous, "contacts/", base, item.uid());
        JSONObject saved = id.isPresent() ? http.send("PATCH", base + "/" + GraphHttp.segment(id.get()), json)
                : http.send("POST", base, json);
        return new Written(new Stored("contacts/" + saved.getAsString("id"), saved.getAsString("changeKey")), id.isEmpty(), notes);
    }

    private Written task(PimItem item, Optional<Stored> previous, List<String> notes) throws ConnectorException {
        List<VToDo> todos = parse(item).getComponents(Component.VTODO);
        if (todos.isEmpty()) {
            throw new ConnectorException.ItemFailure(item.describe() + " has no VTODO", null);
        }
        String base = settings.userPath() + "/todo/lists/" + GraphHttp.segment(taskList()) + "/tasks";
        Map<String, Object> json = TaskJson.of(todos.get(0), item.uid());
        String[] found = { previous.map(Stored::resource).filter(r -> r.startsWith("todo/lists/" + taskList + "/tasks/"))
                .map(r -> r.substring(r.lastIndexOf('/') + 1)).orElse(null) };
        if (found[0] == null) {
            http.list(base + "?$expand=linkedResources", t -> {
                if (item.uid().equals(TaskJson.uid(t))) {
                    found[0] = t.getAsString("id");
                    return false;
                }
                return true;
            });
        }
        JSONObject saved;
        if (found[0] != null) {
            Map<String, Object> patch = new java.util.LinkedHashMap<>(json);
            patch.remove("linkedResources"); // kept from the creation
            saved = http.send("PATCH", base + "/" + GraphHttp.segment(found[0]), patch);
        } else {
            saved = http.send("POST", base, json);
        }
        return new Written(new Stored("todo/lists/" + taskList + "/tasks/" + saved.getAsString("id"),
                saved.getAsString("@odata.etag")), found[0] == null, notes);
    }

    /** The id of the To Do list tasks go to: the named one (created when missing) or the default list. */
    private String taskList() throws ConnectorException {
        if (taskList != null) {
            return taskList;
        }
        String wanted = settings.todoList();
        String[] id = { null };
        http.list(settings.userPath() + "/todo/lists", l -> {
            boolean match = wanted.isBlank() ? "defaultList".equals(l.getAsString("wellknownListName"))
                    : wanted.equals(l.getAsString("displayName"));
            if (match) {
                id[0] = l.getAsString("id");
            }
            return !match;
        });
        if (id[0] == null) {
            id[0] = http.send("POST", settings.userPath() + "/todo/lists",
                    Map.of("displayName", wanted.isBlank() ? "Tasks" : wanted)).getAsString("id");
        }
        taskList = id[0];
        return taskList;
    }

    /** The Graph id of the item: the stored one, else the one carrying {@code uid} in the extended property. */
    private Optional<String> existing(Optional<Stored> previous, String prefix, String base, String uid) throws ConnectorException {
        if (previous.isPresent() && previous.get().resource().startsWith(prefix)) {
            return Optional.of(previous.get().resource().substring(prefix.length()));
        }
        String filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + EventJson.UID_PROPERTY + "' and ep/value eq '"
                + uid.replace("'", "''") + "')";
        JSONObject page = http.get(base + "?$filter=" + GraphHttp.segment(filter) + "&$select=id");
        if (page.get("value") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof JSONObject first) {
            return Optional.of(first.getAsString("id"));
        }
        return Optional.empty();
    }

    static Calendar parse(PimItem item) throws ConnectorException.ItemFailure {
        try {
            return new CalendarBuilder().build(new StringReader(item.text()));
        } catch (Exception e) {
            throw new ConnectorException.ItemFailure(item.describe() + " cannot be read as iCalendar: " + e.getMessage(), e);
        }
    }
}
