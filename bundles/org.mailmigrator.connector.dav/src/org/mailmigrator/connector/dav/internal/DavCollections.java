package org.mailmigrator.connector.dav.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException;
import org.w3c.dom.Element;

/**
 * Finds the collection each item goes to. When the configured URL is itself a calendar (or address book)
 * it takes every item of that kind; otherwise the home set is found through current-user-principal (RFC
 * 5397, 4791 §6.2.1, 6352 §7.1.1) and one collection per source collection is used, created when allowed.
 */
final class DavCollections {
    private static final String PROPS = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\" "
            + "xmlns:c=\"urn:ietf:params:xml:ns:caldav\" xmlns:a=\"urn:ietf:params:xml:ns:carddav\"><d:prop>"
            + "<d:resourcetype/><d:current-user-principal/><c:calendar-home-set/><a:addressbook-home-set/>"
            + "</d:prop></d:propfind>";

    private final DavHttp http;
    private final DavSettings settings;
    private final Element root;
    private final Map<String, URI> found = new HashMap<>();
    /** Collections this session created, with their display name, until an item is stored in them. */
    private final Map<URI, String> createdEmpty = new LinkedHashMap<>();

    private DavCollections(DavHttp http, DavSettings settings, Element root) {
        this.http = http;
        this.settings = settings;
        this.root = root;
    }

    /** Reads the configured URL's properties: checks the login and that it is a WebDAV server. */
    static DavCollections discover(DavHttp http, DavSettings settings) throws ConnectorException {
        Optional<Element> props = propfind(http, settings.url());
        if (props.isEmpty()) {
            throw new ConnectorException.AccountFailure("dav: " + settings.url() + " does not exist (HTTP 404)", null);
        }
        return new DavCollections(http, settings, props.get());
    }

    /** The collection URL for items of {@code calendar} (else contacts) kind from source collection {@code name}. */
    synchronized URI collection(boolean calendar, String name) throws ConnectorException {
        String ns = calendar ? Multistatus.CALDAV : Multistatus.CARDDAV;
        String type = calendar ? "calendar" : "addressbook";
        if (Multistatus.isType(root, ns, type)) {
            return settings.url();
        }
        String target = settings.collection().orElse(name);
        String key = type + "/" + target;
        URI known = found.get(key);
        if (known != null) {
            return known;
        }
        URI home = home(ns, calendar ? "calendar-home-set" : "addressbook-home-set");
        URI uri = home.resolve(segment(target));
        Optional<Element> existing = propfind(http, uri);
        if (existing.isPresent() && !Multistatus.isType(existing.get(), ns, type) && settings.collection().isEmpty()) {
            // calendar.ics and calendar.vcf side by side: the second kind gets its own name
            uri = home.resolve(segment(target + "-" + (calendar ? "calendar" : "contacts")));
            existing = propfind(http, uri);
        }
        if (existing.isPresent() && !Multistatus.isType(existing.get(), ns, type)) {
            throw new ConnectorException.AccountFailure("dav: " + uri + " exists but is not a " + type, null);
        }
        if (existing.isEmpty()) {
            if (!settings.create()) {
                throw new ConnectorException.AccountFailure("dav: the " + type + " " + uri + " does not exist; allow creating"
                        + " collections (setting 'create') or name an existing one", null);
            }
            create(uri, calendar, target);
            createdEmpty.put(uri, (calendar ? "calendar" : "address book") + " '" + target + "'");
        }
        found.put(key, uri);
        return uri;
    }

    /**
     * An item was stored in {@code collection}: the first time after this session created it, the note that says
     * so (the report lists the collections created).
     */
    synchronized Optional<String> filled(URI collection) {
        String what = createdEmpty.remove(collection);
        return what == null ? Optional.empty() : Optional.of("created the " + what + " at " + collection);
    }

    /**
     * Removes the collections this session created and stored nothing in (every item refused), so that a run
     * leaves no empty calendars behind; the next run creates them again when an item can go there.
     */
    synchronized void removeUnused() {
        for (URI uri : createdEmpty.keySet()) {
            try {
                http.send("DELETE", uri, null, Map.of());
            } catch (ConnectorException e) {
                // best effort: an empty collection left behind loses nothing
            }
        }
        createdEmpty.clear();
        found.clear();
    }

    /**
     * The path segment of a collection named {@code name}: a "/" in the name (a calendar called "Work/Projects") becomes
     * "-", since an encoded slash in a path is refused by servers (Radicale 403, Xandikos 409); the display name keeps it.
     */
    private static String segment(String name) {
        return URLEncoder.encode(name.replace('/', '-'), StandardCharsets.UTF_8).replace("+", "%20") + "/";
    }

    private URI home(String ns, String property) throws ConnectorException {
        Optional<URI> home = Multistatus.href(settings.url(), root, ns, property);
        if (home.isEmpty()) {
            Optional<URI> principal = Multistatus.href(settings.url(), root, Multistatus.DAV, "current-user-principal");
            if (principal.isPresent()) {
                Optional<Element> p = propfind(http, principal.get());
                home = p.flatMap(e -> Multistatus.href(principal.get(), e, ns, property));
            }
        }
        return home.orElseThrow(() -> new ConnectorException.AccountFailure("dav: " + settings.url()
                + " names no " + property + " (neither itself nor through current-user-principal)", null));
    }

    private void create(URI uri, boolean calendar, String displayName) throws ConnectorException {
        String name = displayName.replace("&", "&amp;").replace("<", "&lt;");
        String body = calendar
                ? "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                        + "<d:set><d:prop><d:displayname>" + name + "</d:displayname><c:supported-calendar-component-set>"
                        + "<c:comp name=\"VEVENT\"/><c:comp name=\"VTODO\"/><c:comp name=\"VJOURNAL\"/></c:supported-calendar-component-set>"
                        + "</d:prop></d:set></c:mkcalendar>"
                : "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:mkcol xmlns:d=\"DAV:\" xmlns:a=\"urn:ietf:params:xml:ns:carddav\">"
                        + "<d:set><d:prop><d:resourcetype><d:collection/><a:addressbook/></d:resourcetype>"
                        + "<d:displayname>" + name + "</d:displayname></d:prop></d:set></d:mkcol>";
        HttpResponse<String> r = http.send(calendar ? "MKCALENDAR" : "MKCOL", uri, body,
                Map.of("Content-Type", "application/xml; charset=utf-8"));
        if (r.statusCode() != 201) {
            throw new ConnectorException.AccountFailure("dav: creating " + uri + " failed: HTTP " + r.statusCode() + " "
                    + DavHttp.snippet(r.body()), null);
        }
    }

    static Optional<Element> propfind(DavHttp http, URI uri) throws ConnectorException {
        HttpResponse<String> r = http.send("PROPFIND", uri, PROPS, Map.of("Depth", "0", "Content-Type",
                "application/xml; charset=utf-8"));
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 207) {
            throw new ConnectorException.AccountFailure("dav: " + uri + " is not a WebDAV server (PROPFIND: HTTP "
                    + r.statusCode() + ")", null);
        }
        try {
            Multistatus ms = Multistatus.parse(uri, r.body());
            return ms.props().values().stream().findFirst();
        } catch (Exception e) {
            throw new ConnectorException.AccountFailure("dav: unreadable PROPFIND answer from " + uri + ": " + e.getMessage(), e);
        }
    }
}
