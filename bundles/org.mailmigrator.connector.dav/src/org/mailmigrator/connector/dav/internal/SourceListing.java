package org.mailmigrator.connector.dav.internal;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.mailmigrator.core.pim.PimText;
import org.mailmigrator.core.spi.ConnectorException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The members of a source collection with their ETags: by sync-collection (RFC 6578) when the collection offers it,
 * only what changed since the token of the last complete run (all of them for an empty token); else by a PROPFIND of
 * depth 1. A token the server no longer accepts (403/409 valid-sync-token) is dropped and everything listed again.
 */
final class SourceListing {
    private static final String ETAGS = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\"><d:prop>"
            + "<d:resourcetype/><d:getetag/></d:prop></d:propfind>";

    /** Members (href to ETag) and the token that names this state of the collection (empty: no sync). */
    record Members(Map<URI, String> etags, Optional<String> token, boolean incremental) {
    }

    private final DavHttp http;

    SourceListing(DavHttp http) {
        this.http = http;
    }

    Members list(SourceDiscovery.Collection c, Optional<String> lastToken) throws ConnectorException {
        if (c.syncable()) {
            Optional<Members> synced = sync(c.url(), lastToken.orElse(""));
            if (synced.isEmpty() && lastToken.isPresent()) {
                synced = sync(c.url(), ""); // the old token expired: start again from nothing
            }
            if (synced.isPresent()) {
                return synced.get();
            }
        }
        return propfind(c.url());
    }

    private Optional<Members> sync(URI url, String token) throws ConnectorException {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
                + token.replace("&", "&amp;").replace("<", "&lt;") + "</d:sync-token><d:sync-level>1</d:sync-level>"
                + "<d:prop><d:getetag/></d:prop></d:sync-collection>";
        HttpResponse<String> r = http.send("REPORT", url, body, Map.of("Depth", "0", "Content-Type", "application/xml; charset=utf-8"));
        if (r.statusCode() != 207) {
            return Optional.empty();
        }
        Element root = parse(url, r.body());
        Map<URI, String> etags = new LinkedHashMap<>();
        for (Element response : Multistatus.children(root, Multistatus.DAV, "response")) {
            member(url, response).ifPresent(m -> etags.put(m.getKey(), m.getValue()));
        }
        String next = Multistatus.child(root, Multistatus.DAV, "sync-token").map(Node::getTextContent).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(null);
        return Optional.of(new Members(etags, Optional.ofNullable(next), !token.isEmpty()));
    }

    private Members propfind(URI url) throws ConnectorException {
        HttpResponse<String> r = http.send("PROPFIND", url, ETAGS, Map.of("Depth", "1", "Content-Type", "application/xml; charset=utf-8"));
        if (r.statusCode() != 207) {
            throw new ConnectorException.AccountFailure("dav: cannot list " + url + " (PROPFIND: HTTP " + r.statusCode() + " "
                    + Refusal.reason(r) + ")", null);
        }
        Element root = parse(url, r.body());
        Map<URI, String> etags = new LinkedHashMap<>();
        for (Element response : Multistatus.children(root, Multistatus.DAV, "response")) {
            member(url, response).ifPresent(m -> etags.put(m.getKey(), m.getValue()));
        }
        return new Members(etags, Optional.empty(), false);
    }

    /** A member resource with its ETag; not the collection itself, not a sub-collection, not a removed member. */
    private static Optional<Map.Entry<URI, String>> member(URI base, Element response) {
        Optional<Element> href = Multistatus.child(response, Multistatus.DAV, "href");
        if (href.isEmpty()) {
            return Optional.empty();
        }
        URI uri = base.resolve(href.get().getTextContent().strip());
        if (uri.getRawPath().replaceAll("/+$", "").equals(base.getRawPath().replaceAll("/+$", ""))
                || uri.getRawPath().endsWith("/")) {
            return Optional.empty();
        }
        for (Element propstat : Multistatus.children(response, Multistatus.DAV, "propstat")) {
            String status = Multistatus.child(propstat, Multistatus.DAV, "status").map(Node::getTextContent).orElse("");
            Optional<Element> prop = Multistatus.child(propstat, Multistatus.DAV, "prop");
            if (status.contains(" 200") && prop.isPresent()) {
                if (Multistatus.child(prop.get(), Multistatus.DAV, "resourcetype")
                        .map(t -> Multistatus.child(t, Multistatus.DAV, "collection").isPresent()).orElse(false)) {
                    return Optional.empty();
                }
                String etag = Multistatus.child(prop.get(), Multistatus.DAV, "getetag").map(Node::getTextContent)
                        .map(String::strip).orElse("");
                return Optional.of(Map.entry(uri, etag));
            }
        }
        return Optional.empty(); // a 404 response: removed since the token (removals are not copied)
    }

    static Element parse(URI url, String xml) throws ConnectorException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new ConnectorException.AccountFailure("dav: unreadable answer from " + url + ": " + PimText.reason(e), e);
        }
    }
}
