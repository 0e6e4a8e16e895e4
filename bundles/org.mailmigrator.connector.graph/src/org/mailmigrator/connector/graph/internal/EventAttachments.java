package org.mailmigrator.connector.graph.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;

import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attach;
import net.minidev.json.JSONObject;

/**
 * The writer's side of an event's file attachments (its master's inline {@code ATTACH} values): up to
 * {@value #INLINE_MAX} bytes in one request ({@code POST /events/{id}/attachments}, a fileAttachment with its
 * contentBytes), larger ones through an <b>upload session</b> ({@code POST /events/{id}/attachments/createUploadSession},
 * then PUTs of byte ranges to its pre-authenticated {@code uploadUrl}: {@link GraphHttp#upload}), as Microsoft's
 * "Attach large files to Outlook messages or events" says. An attachment already on the event (same name and size) is
 * not sent again, so a re-run or an update adds only what is missing. A link ({@code ATTACH:https://...}), an
 * attachment of a single occurrence and a file over Graph's {@value #GRAPH_MAX} bytes are not copied and said in the
 * item's notes.
 */
final class EventAttachments {
    /** Graph takes a file attachment in one request up to 3 MB. */
    static final long INLINE_MAX = 3L * 1024 * 1024;
    /** Graph's largest attachment through an upload session (the tenant's message size limit may be lower). */
    static final long GRAPH_MAX = 150L * 1024 * 1024;
    private final GraphHttp http;
    private final String userPath;

    EventAttachments(GraphHttp http, String userPath) {
        this.http = http;
        this.userPath = userPath;
    }

    /** One file of an ATTACH line. */
    record File(String name, String contentType, byte[] bytes) {
    }

    /**
     * Sends the master's files that the event lacks.
     *
     * @param created whether the event was just created (then it has none yet and is not asked)
     */
    void write(String eventId, VEvent master, List<VEvent> overrides, boolean created, List<String> notes)
            throws ConnectorException {
        for (VEvent o : overrides) {
            if (!o.getProperties(Property.ATTACH).isEmpty()) {
                notes.add("the attachments of one occurrence (" + EventJson.text(o, Property.RECURRENCE_ID)
                        + ") are not copied: Graph writes a series' attachments on the series");
            }
        }
        List<File> files = files(master, notes);
        if (files.isEmpty()) {
            return;
        }
        String base = userPath + "/events/" + GraphHttp.segment(eventId) + "/attachments";
        Set<String> present = new HashSet<>();
        if (!created) {
            http.list(base + "?$select=id,name,size", a -> present.add(a.getAsString("name") + "|" + a.get("size")));
        }
        for (File f : files) {
            if (present.contains(f.name() + "|" + f.bytes().length)) {
                continue;
            }
            if (f.bytes().length > GRAPH_MAX) {
                notes.add("the attachment '" + f.name() + "' (" + f.bytes().length + " bytes) is larger than Graph's "
                        + GRAPH_MAX / 1024 / 1024 + " MB: not copied");
            } else if (f.bytes().length <= INLINE_MAX) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("@odata.type", "#microsoft.graph.fileAttachment");
                a.put("name", f.name());
                a.put("contentType", f.contentType());
                a.put("contentBytes", Base64.getEncoder().encodeToString(f.bytes()));
                http.send("POST", base, a);
            } else {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("attachmentType", "file");
                item.put("name", f.name());
                item.put("size", f.bytes().length);
                item.put("contentType", f.contentType());
                JSONObject session = http.send("POST", base + "/createUploadSession", Map.of("AttachmentItem", item));
                String url = session.getAsString("uploadUrl");
                if (url == null) {
                    throw new ConnectorException.ItemFailure("Graph gave no uploadUrl for the attachment '" + f.name() + "'", null);
                }
                http.upload(url, f.bytes(), "the attachment '" + f.name() + "'");
            }
        }
    }

    /** The inline files of the event's ATTACH lines; a link is said in the notes. */
    static List<File> files(VEvent event, List<String> notes) {
        List<File> out = new ArrayList<>();
        int n = 0;
        for (Property p : event.getProperties(Property.ATTACH)) {
            n++;
            if (!(p instanceof Attach a) || a.getBinary() == null) {
                notes.add("the attachment link " + p.getValue() + " is not copied (Graph keeps files, not links, on an event)");
                continue;
            }
            String name = parameter(p, "X-FILENAME", parameter(p, "FILENAME", parameter(p, "X-APPLE-FILENAME",
                    "attachment-" + n)));
            String type = parameter(p, Parameter.FMTTYPE, "application/octet-stream");
            out.add(new File(name, type.matches("[\\w.+-]+/[\\w.+-]+") ? type : "application/octet-stream", a.getBinaryData()));
        }
        return out;
    }

    private static String parameter(Property p, String name, String otherwise) {
        return p.getParameter(name).map(Parameter::getValue).filter(v -> !v.isBlank()).orElse(otherwise);
    }
}
