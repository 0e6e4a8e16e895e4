package org.mailmigrator.connector.graph.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VToDo;

/**
 * A VTODO as Microsoft To Do's {@code todoTask} JSON and back: title, body, status, importance, start, due and
 * completion, categories, and the source UID as a {@code linkedResource} (externalId), which To Do keeps with the
 * task and which is how the writer finds it again (todoTask has no extended properties).
 */
final class TaskJson {
    static final String APPLICATION = "Mail Migrator";

    private TaskJson() {
    }

    static Map<String, Object> of(VToDo t, String uid) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("title", EventJson.text(t, Property.SUMMARY));
        String description = EventJson.text(t, Property.DESCRIPTION);
        if (!description.isEmpty()) {
            j.put("body", Map.of("contentType", "text", "content", description));
        }
        j.put("status", switch (EventJson.text(t, Property.STATUS).toUpperCase(Locale.ROOT)) {
            case "COMPLETED" -> "completed";
            case "IN-PROCESS" -> "inProgress";
            case "CANCELLED" -> "deferred";
            default -> "notStarted";
        });
        String priority = EventJson.text(t, Property.PRIORITY);
        int p = priority.matches("\\d") ? Integer.parseInt(priority) : 0;
        j.put("importance", p >= 1 && p <= 4 ? "high" : p >= 6 ? "low" : "normal");
        IcsWhen.of(t.getProperty(Property.DTSTART)).ifPresent(w -> j.put("startDateTime", w.graph()));
        IcsWhen.of(t.getProperty(Property.DUE)).ifPresent(w -> j.put("dueDateTime", w.graph()));
        IcsWhen.of(t.getProperty(Property.COMPLETED)).ifPresent(w -> j.put("completedDateTime", w.graph()));
        String categories = EventJson.text(t, Property.CATEGORIES);
        if (!categories.isBlank()) {
            j.put("categories", List.of(categories.split(",")));
        }
        j.put("linkedResources", List.of(Map.of("applicationName", APPLICATION, "displayName", "source item " + uid,
                "externalId", uid)));
        return j;
    }

    /** The source UID a task carries in its linked resources, or null. */
    static String uid(Map<String, Object> task) {
        if (task.get("linkedResources") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && APPLICATION.equals(m.get("applicationName")) && m.get("externalId") != null) {
                    return String.valueOf(m.get("externalId"));
                }
            }
        }
        return null;
    }
}
