package org.mailmigrator.connector.dav.internal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimWriter;
import org.mailmigrator.core.pim.Stored;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Writes items as resources named after their UID: {@code If-None-Match: *} to create (a resource left by
 * an earlier run whose state was lost answers 412 and is then updated, never duplicated),
 * {@code If-Match: <etag>} to update (a copy changed on the server since is not overwritten; a 412 to an update
 * whose content the server already holds is that update sent again after a lost answer, and counts as written).
 * Writes carry no scheduling request: a server never sends invitations for a copied event. {@link #held} reads
 * without writing.
 */
final class DavWriter implements PimWriter {
    private final DavHttp http;
    private final DavCollections collections;

    DavWriter(DavHttp http, DavCollections collections) {
        this.http = http;
        this.collections = collections;
    }

    @Override
    public Written write(PimItem item, Optional<Stored> previous) throws ConnectorException {
        boolean calendar = item.kind() != ItemKind.CONTACTS;
        URI collection = previous.isPresent() ? null : collections.collection(calendar, item.collection());
        URI uri = previous.map(p -> URI.create(p.resource()))
                .orElseGet(() -> collection.resolve(resourceName(item.uid(), calendar)));
        Written written = put(item, previous, uri, calendar);
        if (collection == null) {
            return written;
        }
        List<String> notes = new ArrayList<>(written.notes());
        collections.filled(collection).ifPresent(notes::add);
        return new Written(written.stored(), written.created(), notes, written.unchanged());
    }

    /**
     * A GET of the item's resource (the one stored before, else the UID-named one in its collection): absent on 404;
     * the same when its content lines are those that would be sent ({@link SameContent}).
     */
    @Override
    public Held held(PimItem item, Optional<Stored> previous) throws ConnectorException {
        boolean calendar = item.kind() != ItemKind.CONTACTS;
        URI uri = previous.isPresent() ? URI.create(previous.get().resource())
                : collections.collection(calendar, item.collection()).resolve(resourceName(item.uid(), calendar));
        HttpResponse<String> r = http.send("GET", uri, null, Map.of());
        if (r.statusCode() == 404 || r.statusCode() == 410) {
            return new Held.Absent();
        }
        if (r.statusCode() != 200) {
            return new Held.Unknown();
        }
        Stored stored = new Stored(uri.toString(), r.headers().firstValue("ETag").orElse(""));
        return SameContent.of(r.body(), item.text()) ? new Held.Same(stored) : new Held.Other(stored);
    }

    private Written put(PimItem item, Optional<Stored> previous, URI uri, boolean calendar) throws ConnectorException {
        String type = calendar ? "text/calendar; charset=utf-8" : "text/vcard; charset=utf-8";
        if (previous.isPresent() && !previous.get().version().isEmpty()) {
            HttpResponse<String> r = http.send("PUT", uri, item.text(), Map.of("Content-Type", type, "If-Match", previous.get().version()));
            if (r.statusCode() == 412) {
                HttpResponse<String> current = http.send("GET", uri, null, Map.of());
                if (current.statusCode() == 200 && SameContent.of(current.body(), item.text())) {
                    // this very update, taken by the server though its answer was lost (a connection closed after the
                    // PUT, then sent again by DavHttp or the pass's retry): written, not a conflict
                    return new Written(new Stored(uri.toString(), current.headers().firstValue("ETag").orElse("")), false,
                            List.of());
                }
                throw new ConnectorException.ItemFailure(uri + " was changed on the server since the last run: not"
                        + " overwritten (the source version is not lost: it stays in the source file)", null);
            }
            if (r.statusCode() != 404) {
                return new Written(stored(uri, r), false, List.of());
            }
        }
        HttpResponse<String> r = http.send("PUT", uri, item.text(), Map.of("Content-Type", type, "If-None-Match", "*"));
        if (r.statusCode() == 412) {
            HttpResponse<String> current = http.send("GET", uri, null, Map.of());
            String etag = current.headers().firstValue("ETag").orElseThrow(() -> new ConnectorException.ItemFailure(uri
                    + " exists but the server gives no ETag: not overwritten", null));
            if (current.statusCode() == 200 && SameContent.of(current.body(), item.text())) {
                // already there with this content (the state was lost, or the same server was reached by another URL)
                return new Written(new Stored(uri.toString(), etag), false, List.of(), true);
            }
            HttpResponse<String> u = http.send("PUT", uri, item.text(), Map.of("Content-Type", type, "If-Match", etag));
            return new Written(stored(uri, u), false, List.of("was already on the server (earlier run): updated in place"));
        }
        return new Written(stored(uri, r), true, List.of());
    }

    private Stored stored(URI uri, HttpResponse<String> r) throws ConnectorException {
        int s = r.statusCode();
        if (s != 201 && s != 204 && s != 200) {
            throw new ConnectorException.ItemFailure("the server refused " + uri.getPath() + " (HTTP " + s + "): " + Refusal.reason(r), null);
        }
        return new Stored(uri.toString(), r.headers().firstValue("ETag").orElse(""));
    }

    /** The UID itself when it is a safe path segment, else a hash of it: stable across runs either way. */
    static String resourceName(String uid, boolean calendar) {
        String ext = calendar ? ".ics" : ".vcf";
        if (uid.matches("[A-Za-z0-9._@-]{1,120}") && !uid.startsWith(".")) {
            return uid + ext;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20) + ext;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
