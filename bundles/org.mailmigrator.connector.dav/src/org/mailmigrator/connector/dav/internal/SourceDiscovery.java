package org.mailmigrator.connector.dav.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.spi.ConnectorException;
import org.w3c.dom.Element;

/**
 * Every calendar and address book a source account holds, found from the URL it was given: the URL itself when it
 * is one collection; else its home sets, read from it or from its current-user-principal (RFC 5397, RFC 4791 §6.2.1,
 * RFC 6352 §7.1.1), after the redirects of a well-known URL; a server root that answers nothing useful is asked at
 * {@code /.well-known/caldav} and {@code /.well-known/carddav} (RFC 6764).
 */
final class SourceDiscovery {
    private static final String PROPS = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\" "
            + "xmlns:c=\"urn:ietf:params:xml:ns:caldav\" xmlns:a=\"urn:ietf:params:xml:ns:carddav\"><d:prop>"
            + "<d:resourcetype/><d:displayname/><d:current-user-principal/><d:sync-token/>"
            + "<c:calendar-home-set/><a:addressbook-home-set/></d:prop></d:propfind>";
    private static final int MAX_REDIRECTS = 5;

    /** One calendar or address book: its URL, the name its items go under, whether it offers sync-collection. */
    record Collection(URI url, String name, boolean calendar, boolean syncable) {
    }

    private final DavHttp http;

    SourceDiscovery(DavHttp http) {
        this.http = http;
    }

    List<Collection> collections(URI url, boolean calendars, boolean contacts) throws ConnectorException {
        Found start = propfind(url, "0");
        if (start.props().isEmpty() && (url.getPath() == null || url.getPath().equals("/") || url.getPath().isEmpty())) {
            // a bare server name: RFC 6764's well-known URLs lead to the context path
            for (String kind : List.of("caldav", "carddav")) {
                Found f = propfind(url.resolve("/.well-known/" + kind), "0");
                if (!f.props().isEmpty()) {
                    start = f;
                    break;
                }
            }
        }
        if (start.props().isEmpty()) {
            throw new ConnectorException.AccountFailure("dav: " + url + " is not a CalDAV/CardDAV URL (nothing found there,"
                    + " nor at /.well-known/caldav or /.well-known/carddav)", null);
        }
        Element root = start.props().values().iterator().next();
        URI at = start.props().keySet().iterator().next();
        List<Collection> out = new ArrayList<>();
        boolean isCalendar = Multistatus.isType(root, Multistatus.CALDAV, "calendar");
        boolean isBook = Multistatus.isType(root, Multistatus.CARDDAV, "addressbook");
        if (isCalendar || isBook) {
            if (isCalendar && calendars || isBook && contacts) {
                out.add(collection(at, root, isCalendar));
            }
            return out;
        }
        Element principal = root;
        URI principalAt = at;
        Optional<URI> p = Multistatus.href(at, root, Multistatus.DAV, "current-user-principal");
        if (p.isPresent() && !p.get().equals(at)) {
            Found pf = propfind(p.get(), "0");
            if (!pf.props().isEmpty()) {
                principal = pf.props().values().iterator().next();
                principalAt = pf.props().keySet().iterator().next();
            }
        }
        Set<URI> seen = new LinkedHashSet<>();
        if (calendars) {
            home(principalAt, principal, root, at, Multistatus.CALDAV, "calendar-home-set").ifPresent(seen::add);
        }
        if (contacts) {
            home(principalAt, principal, root, at, Multistatus.CARDDAV, "addressbook-home-set").ifPresent(seen::add);
        }
        if (seen.isEmpty()) {
            throw new ConnectorException.AccountFailure("dav: " + url + " names no calendar-home-set or addressbook-home-set"
                    + " (neither itself nor through current-user-principal)", null);
        }
        for (URI home : seen) {
            Found children = propfind(home, "1");
            for (Map.Entry<URI, Element> e : children.props().entrySet()) {
                boolean cal = Multistatus.isType(e.getValue(), Multistatus.CALDAV, "calendar");
                boolean book = Multistatus.isType(e.getValue(), Multistatus.CARDDAV, "addressbook");
                if (cal && calendars || book && contacts) {
                    out.add(collection(e.getKey(), e.getValue(), cal));
                }
            }
        }
        return unique(out);
    }

    private static Optional<URI> home(URI principalAt, Element principal, Element root, URI at, String ns, String name) {
        return Multistatus.href(principalAt, principal, ns, name).or(() -> Multistatus.href(at, root, ns, name));
    }

    private static Collection collection(URI url, Element prop, boolean calendar) {
        String name = Multistatus.child(prop, Multistatus.DAV, "displayname").map(Element::getTextContent).map(String::strip)
                .filter(s -> !s.isEmpty() && !isPath(s, url)).orElseGet(() -> segment(url));
        boolean syncable = Multistatus.child(prop, Multistatus.DAV, "sync-token").map(Element::getTextContent)
                .filter(s -> !s.isBlank()).isPresent();
        return new Collection(url, name, calendar, syncable);
    }

    /** Two calendars both called "Calendar" stay apart: the second is named after its path too. */
    private static List<Collection> unique(List<Collection> all) {
        Map<String, Integer> count = new HashMap<>();
        all.forEach(c -> count.merge((c.calendar() ? "c|" : "a|") + c.name(), 1, Integer::sum));
        List<Collection> out = new ArrayList<>();
        for (Collection c : all) {
            boolean shared = count.get((c.calendar() ? "c|" : "a|") + c.name()) > 1;
            out.add(shared ? new Collection(c.url(), c.name() + " (" + segment(c.url()) + ")", c.calendar(), c.syncable()) : c);
        }
        return out;
    }

    /**
     * Radicale answers a calendar that has no display name with its path ("alice/work"): that is no name the owner gave,
     * so the collection is named after its last segment like one without any display name.
     */
    private static boolean isPath(String displayName, URI url) {
        String path = url.getRawPath() == null ? "" : URLDecoder.decode(url.getRawPath(), StandardCharsets.UTF_8);
        return displayName.contains("/") && path.replaceAll("^/+|/+$", "").equals(displayName.replaceAll("^/+|/+$", ""));
    }

    static String segment(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? url.getHost() : URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    /** The properties found at {@code url} (after redirects); empty when it does not exist or is no WebDAV resource. */
    private record Found(Map<URI, Element> props) {
    }

    private Found propfind(URI url, String depth) throws ConnectorException {
        URI current = url;
        for (int i = 0; i <= MAX_REDIRECTS; i++) {
            HttpResponse<String> r = http.send("PROPFIND", current, PROPS, Map.of("Depth", depth,
                    "Content-Type", "application/xml; charset=utf-8"));
            int s = r.statusCode();
            if (s >= 300 && s < 400 && r.headers().firstValue("Location").isPresent()) {
                current = current.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            if (s != 207) {
                return new Found(Map.of());
            }
            try {
                return new Found(Multistatus.parse(current, r.body()).props());
            } catch (Exception e) {
                throw new ConnectorException.AccountFailure("dav: unreadable PROPFIND answer from " + current + ": "
                        + org.mailmigrator.core.pim.PimText.reason(e), e);
            }
        }
        throw new ConnectorException.AccountFailure("dav: " + url + " redirects more than " + MAX_REDIRECTS + " times", null);
    }
}
