package org.mailmigrator.connector.dav.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mailmigrator.connector.ical.IcsText;
import org.mailmigrator.connector.vcard.VcfText;
import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimOutcome;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.pim.PimText;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Reads every calendar and address book of a DAV source, one handful of members at a time: each collection's
 * members are listed ({@link SourceListing}), those whose version already arrived in an earlier run are left alone
 * ({@link SourceMemory}), the others fetched ({@link SourceFetch}) and read as .ics / .vcf text is read (time zones,
 * overrides and repairs kept by the file readers). A member that cannot be fetched or parsed is a malformed entry
 * naming its calendar and resource; the others go on.
 */
final class SourceReader implements PimReader {
    private static final int CHUNK = 25;

    private final List<SourceDiscovery.Collection> collections;
    private final SourceListing listing;
    private final SourceFetch fetch;
    private final SourceMemory memory;
    private final String nothingFound;

    SourceReader(DavHttp http, List<SourceDiscovery.Collection> collections, SourceMemory memory, String nothingFound) {
        this.nothingFound = nothingFound;
        this.collections = List.copyOf(collections);
        this.listing = new SourceListing(http);
        this.fetch = new SourceFetch(http);
        this.memory = memory;
    }

    @Override
    public void read(Sink sink) throws ConnectorException {
        if (collections.isEmpty()) {
            sink.accept(new PimEntry.Malformed("dav", nothingFound));
            return;
        }
        for (SourceDiscovery.Collection c : collections) {
            String id = c.url().toString();
            SourceListing.Members members = listing.list(c, memory.token(id));
            List<URI> todo = new ArrayList<>();
            members.etags().forEach((href, etag) -> {
                if (!memory.known(href.toString(), etag)) {
                    todo.add(href);
                }
            });
            for (int i = 0; i < todo.size(); i += CHUNK) {
                List<URI> chunk = todo.subList(i, Math.min(todo.size(), i + CHUNK));
                Map<URI, SourceFetch.Fetched> got = fetch.fetch(c, chunk);
                for (URI href : chunk) {
                    String listed = members.etags().get(href);
                    if (!member(c, href, got.get(href), listed, sink)) {
                        return; // the sink asked to stop: no token moves on
                    }
                }
            }
            memory.collectionRead(id, members.token(), todo.stream().map(URI::toString).toList());
        }
    }

    private boolean member(SourceDiscovery.Collection c, URI href, SourceFetch.Fetched f, String listedEtag, Sink sink) {
        String name = c.name() + "/" + SourceDiscovery.segment(href);
        String key = href.toString();
        if (f.problem() != null) {
            memory.missed(key);
            return sink.accept(new PimEntry.Malformed(name, f.problem() + "; it is read again next run"));
        }
        String etag = listedEtag == null || listedEtag.isEmpty() ? f.etag() : listedEtag;
        int[] entries = new int[1];
        Sink noted = e -> {
            entries[0]++;
            if (e instanceof PimEntry.Item i) {
                memory.given(key, etag, i.item().key());
            } else {
                memory.missed(key);
            }
            return sink.accept(e);
        };
        try {
            boolean go = c.calendar() ? IcsText.read(name, f.text(), c.name(), noted) : VcfText.read(name, f.text(), c.name(), noted);
            if (!go) {
                return false;
            }
        } catch (RuntimeException e) {
            // a reader's bug or a library's refusal costs this member, never the others
            memory.missed(key);
            return sink.accept(new PimEntry.Malformed(name, "cannot be read: " + PimText.reason(e)));
        }
        if (entries[0] == 0) {
            memory.missed(key);
            return sink.accept(new PimEntry.Malformed(name, "holds no " + (c.calendar() ? "event or task" : "contact")));
        }
        return true;
    }

    @Override
    public void outcome(PimOutcome outcome) {
        switch (outcome) {
            case PimOutcome.Created o -> memory.arrived(o.item().key());
            case PimOutcome.Updated o -> memory.arrived(o.item().key());
            case PimOutcome.Unchanged o -> memory.arrived(o.item().key());
            case PimOutcome.Failed o -> {
                // not arrived: the member stays unremembered and is read again next run
            }
        }
    }
}
