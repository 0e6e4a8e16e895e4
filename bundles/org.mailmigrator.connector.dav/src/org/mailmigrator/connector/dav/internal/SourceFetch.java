package org.mailmigrator.connector.dav.internal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The text of some members of a collection: one calendar-multiget / addressbook-multiget REPORT (RFC 4791 §7.9,
 * RFC 6352 §8.7) for a handful of hrefs, else a GET for each when the server does not answer the REPORT. A member
 * the server does not return is reported with its status, never taken as empty.
 */
final class SourceFetch {
    /** A fetched member: its text and ETag, or why it could not be read. */
    record Fetched(String text, String etag, String problem) {
    }

    private final DavHttp http;

    SourceFetch(DavHttp http) {
        this.http = http;
    }

    Map<URI, Fetched> fetch(SourceDiscovery.Collection c, List<URI> hrefs) throws ConnectorException {
        Optional<Map<URI, Fetched>> multi = multiget(c, hrefs);
        if (multi.isPresent()) {
            return multi.get();
        }
        Map<URI, Fetched> out = new LinkedHashMap<>();
        for (URI href : hrefs) {
            HttpResponse<String> r = http.send("GET", href, null, Map.of());
            out.put(href, r.statusCode() == 200 ? new Fetched(r.body(), r.headers().firstValue("ETag").orElse(""), null)
                    : new Fetched(null, "", "the server answered HTTP " + r.statusCode() + " to its GET"));
        }
        return out;
    }

    private Optional<Map<URI, Fetched>> multiget(SourceDiscovery.Collection c, List<URI> hrefs) throws ConnectorException {
        String ns = c.calendar() ? Multistatus.CALDAV : Multistatus.CARDDAV;
        String data = c.calendar() ? "calendar-data" : "address-data";
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><x:")
                .append(c.calendar() ? "calendar-multiget" : "addressbook-multiget").append(" xmlns:d=\"DAV:\" xmlns:x=\"")
                .append(ns).append("\"><d:prop><d:getetag/><x:").append(data).append("/></d:prop>");
        hrefs.forEach(h -> body.append("<d:href>").append(h.getRawPath().replace("&", "&amp;")).append("</d:href>"));
        body.append("</x:").append(c.calendar() ? "calendar-multiget" : "addressbook-multiget").append(">");
        HttpResponse<String> r = http.send("REPORT", c.url(), body.toString(), Map.of("Depth", "1",
                "Content-Type", "application/xml; charset=utf-8"));
        if (r.statusCode() != 207) {
            return Optional.empty();
        }
        Element root = SourceListing.parse(c.url(), r.body());
        Map<String, Fetched> got = new LinkedHashMap<>(); // by decoded path: servers spell %40 and @ alike
        for (Element response : Multistatus.children(root, Multistatus.DAV, "response")) {
            Optional<Element> href = Multistatus.child(response, Multistatus.DAV, "href");
            if (href.isEmpty()) {
                continue;
            }
            URI uri = c.url().resolve(href.get().getTextContent().strip());
            String status = Multistatus.child(response, Multistatus.DAV, "status").map(Node::getTextContent).orElse("");
            Fetched f = new Fetched(null, "", "the server returned no data for it" + (status.isBlank() ? "" : " (" + status.strip() + ")"));
            for (Element propstat : Multistatus.children(response, Multistatus.DAV, "propstat")) {
                String s = Multistatus.child(propstat, Multistatus.DAV, "status").map(Node::getTextContent).orElse("");
                Optional<Element> prop = Multistatus.child(propstat, Multistatus.DAV, "prop");
                Optional<String> text = prop.flatMap(p -> Multistatus.child(p, ns, data)).map(Node::getTextContent);
                if (s.contains(" 200") && text.isPresent()) {
                    String etag = prop.flatMap(p -> Multistatus.child(p, Multistatus.DAV, "getetag")).map(Node::getTextContent)
                            .map(String::strip).orElse("");
                    f = new Fetched(text.get(), etag, null);
                }
            }
            got.put(uri.getPath(), f);
        }
        Map<URI, Fetched> out = new LinkedHashMap<>();
        for (URI h : hrefs) {
            Fetched f = got.get(h.getPath());
            out.put(h, f != null ? f : new Fetched(null, "", "listed by the server but not returned by its multiget REPORT"));
        }
        return Optional.of(out);
    }
}
