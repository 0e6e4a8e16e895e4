package org.mailmigrator.connector.files.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.spi.ConnectorException;

/** One message as a store hands it over: bytes, flags (without \Recent), arrival date; and the reasons of skips. */
record Stored(String id, byte[] bytes, Set<String> flags, Instant date) {

    String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** What a folder holds and what it would not hand over. */
    record Folder(List<Stored> messages, List<String> skipped) {
        /** The messages as comparable strings (flags, then bytes), sorted: a multiset. */
        List<String> multiset() {
            return messages.stream().map(m -> new TreeSet<>(m.flags) + "\n" + m.text()).sorted().toList();
        }
    }

    static Folder read(MailStore store, String folder) throws ConnectorException {
        List<Stored> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Mailbox box = store.open(folder, false)) {
            List<String> ids = box.list(null).stream().map(MessageInfo::id).toList();
            List<MessageInfo> details = box.details(ids);
            box.read(details, new MessageReader() {
                @Override
                public void accept(List<Fetched> group) {
                    for (Fetched f : group) {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        try {
                            f.body().writeTo(b);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        Set<String> flags = new TreeSet<>(f.info().flags());
                        flags.removeIf(x -> x.equalsIgnoreCase("\\Recent"));
                        out.add(new Stored(f.info().id(), b.toByteArray(), flags, f.info().internalDate()));
                    }
                }

                @Override
                public void unread(Unread message) {
                    skipped.add(message.reason());
                }
            });
        }
        return new Folder(out, skipped);
    }
}
