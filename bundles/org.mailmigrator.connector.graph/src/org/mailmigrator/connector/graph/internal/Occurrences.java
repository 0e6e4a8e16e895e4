package org.mailmigrator.connector.graph.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The modified (RECURRENCE-ID) and deleted (EXDATE) occurrences of a series written to Graph, which has no way
 * to send them with the series: each occurrence is found among the series' instances by its original start
 * ({@code GET /events/{id}/instances} over a day around it), then updated ({@code PATCH}) or deleted. An exception
 * Graph does not list (outside the series) is a note, never a failure of the whole event.
 */
final class Occurrences {
    private final GraphHttp http;
    private final String user;

    Occurrences(GraphHttp http, String userPath) {
        this.http = http;
        this.user = userPath;
    }

    void apply(String seriesId, VEvent master, List<VEvent> events, String uid, List<String> notes) throws ConnectorException {
        List<LocalDateTime> deleted = new ArrayList<>();
        master.getProperties(Property.EXDATE).forEach(p -> {
            String tzid = p.getParameter("TZID").map(x -> x.getValue()).orElse(null);
            for (String v : p.getValue().split(",")) {
                deleted.add(IcsWhen.parse(v, tzid).utc());
            }
        });
        for (LocalDateTime original : deleted) {
            Optional<String> id = instance(seriesId, original);
            if (id.isPresent()) {
                http.send("DELETE", user + "/events/" + GraphHttp.segment(id.get()), null);
            } else {
                notes.add("deleted occurrence " + original + "Z of " + uid + " not in the Graph series");
            }
        }
        for (VEvent e : events) {
            Optional<IcsWhen> rid = IcsWhen.of(e.getProperty(Property.RECURRENCE_ID));
            if (rid.isEmpty()) {
                continue;
            }
            Optional<String> id = instance(seriesId, rid.get().utc());
            if (id.isEmpty()) {
                notes.add("modified occurrence " + rid.get().utc() + "Z of " + uid + " not in the Graph series");
                continue;
            }
            Map<String, Object> json = EventJson.of(e, uid, false, notes);
            http.send("PATCH", user + "/events/" + GraphHttp.segment(id.get()), json);
        }
    }

    /** The instance of the series whose original start is {@code utc}. */
    private Optional<String> instance(String seriesId, LocalDateTime utc) throws ConnectorException {
        String url = user + "/events/" + GraphHttp.segment(seriesId) + "/instances?startDateTime="
                + utc.minusDays(1).format(IcsWhen.GRAPH) + "Z&endDateTime=" + utc.plusDays(1).format(IcsWhen.GRAPH)
                + "Z&$select=id,originalStart,type";
        String[] found = { null };
        http.list(url, i -> {
            String original = i.getAsString("originalStart");
            if (original != null && matches(original, utc)) {
                found[0] = i.getAsString("id");
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** Graph's originalStart is an ISO instant ("2025-01-13T08:00:00Z", sometimes with fractions). */
    static boolean matches(String originalStart, LocalDateTime utc) {
        try {
            return java.time.OffsetDateTime.parse(originalStart).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()
                    .equals(utc);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
