package org.mailmigrator.connector.graph.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimReader.Sink;
import org.mailmigrator.core.spi.ConnectorException;

import net.minidev.json.JSONObject;

/**
 * One collection read through a Graph delta query (learn.microsoft.com/graph/delta-query-overview). With a kept
 * {@code @odata.deltaLink}, only what changed since is read: the round's pages give the ids of the changed items
 * (an occurrence gives its series), each is then read whole by id (with the UID the writer kept), plus the ids not
 * confirmed last time; removals ({@code @removed}) are not carried over (a source deletes nothing at the
 * destination). Without a link, or when Graph no longer accepts it (410, {@code syncStateNotFound} or
 * {@code resyncRequired}: said in the log), a new round is started first and its link kept, then the collection is
 * listed whole, so that nothing changed during the listing is missed next time.
 */
final class DeltaPass {
    private static final System.Logger LOG = System.getLogger("org.mailmigrator.connector.graph");
    private final GraphHttp http;
    private final DeltaMemory memory;

    DeltaPass(GraphHttp http, DeltaMemory memory) {
        this.http = http;
        this.memory = memory;
    }

    /** Turns one Graph object into an entry. */
    @FunctionalInterface
    interface Convert {
        PimEntry entry(JSONObject o) throws ConnectorException;
    }

    /**
     * @param start the delta query starting a round; {@code full} the listing of every item; {@code byId} one item's URL
     * @return false when the sink asked to stop (no link is kept then)
     */
    boolean pass(String collection, String start, String full, UnaryOperator<String> byId, Convert convert, Sink sink)
            throws ConnectorException {
        String link = memory.link(collection);
        if (link != null) {
            Set<String> ids = new LinkedHashSet<>(memory.unconfirmed(collection));
            String next;
            try {
                next = round(link, ids);
            } catch (ConnectorException.ItemFailure e) {
                if (!expired(e)) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "Graph no longer accepts the delta link of " + collection + " (" + e.getMessage()
                        + "): reading it whole");
                memory.forget(collection);
                next = null;
            }
            if (next != null) {
                memory.reading(collection);
                for (String id : ids) {
                    JSONObject o = one(byId.apply(id));
                    if (o != null && !give(collection, id, convert.entry(o), sink)) {
                        return false;
                    }
                }
                memory.done(collection, next);
                return true;
            }
        }
        String next = round(start, null);
        memory.reading(collection);
        boolean[] go = { true };
        http.list(full, o -> go[0] = give(collection, o.getAsString("id"), convert.entry(o), sink));
        if (go[0]) {
            memory.done(collection, next);
        }
        return go[0];
    }

    private boolean give(String collection, String id, PimEntry entry, Sink sink) {
        if (entry instanceof PimEntry.Item i) {
            memory.given(collection, i.item().key(), id);
        }
        return sink.accept(entry);
    }

    /** Follows a round to its deltaLink; the ids of changed items (a series for its occurrences) go to {@code ids}. */
    private String round(String url, Set<String> ids) throws ConnectorException {
        for (String at = url;;) {
            JSONObject page = http.get(at);
            if (ids != null && page.get("value") instanceof List<?> items) {
                for (Object o : items) {
                    if (o instanceof JSONObject j && !j.containsKey("@removed")) {
                        String series = j.getAsString("seriesMasterId");
                        ids.add(series != null ? series : j.getAsString("id"));
                    }
                }
            }
            String delta = page.getAsString("@odata.deltaLink");
            if (delta != null) {
                return delta;
            }
            at = page.getAsString("@odata.nextLink");
            if (at == null) {
                throw new ConnectorException.TransientFailure("Graph ended a delta round without @odata.deltaLink ("
                        + GraphHttp.path(url) + ")", null);
            }
        }
    }

    /** One item, or null when it was deleted since it changed. */
    private JSONObject one(String url) throws ConnectorException {
        try {
            return http.get(url);
        } catch (ConnectorException.ItemFailure e) {
            if (String.valueOf(e.getMessage()).contains("HTTP 404")) {
                return null;
            }
            throw e;
        }
    }

    static boolean expired(ConnectorException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("http 410") || m.contains("syncstatenotfound") || m.contains("resyncrequired");
    }
}
