package org.mailmigrator.connector.pst.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mailmigrator.connector.pst.PstConnector;
import org.mailmigrator.core.mail.Fetched;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.mail.MessageReader;
import org.mailmigrator.core.mail.Unread;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Role;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorSession;

/** The sample files, readpst's view of them (the oracle) and ours, folder by folder. */
final class Samples {
    static final List<String> MAIL_SAMPLES = List.of("pstsdk/sample1.pst", "pstsdk/sample2.pst", "pstsdk/submessage.pst",
            "java-libpst/dist-list.pst");

    private Samples() {
    }

    static Path file(String relative) {
        String root = System.getProperty("mailmigrator.sourceRoot");
        if (root == null) {
            throw new IllegalStateException("-Dmailmigrator.sourceRoot is not set (the reactor's POM sets it)");
        }
        return Path.of(root, "bundles", "org.mailmigrator.connector.pst.tests", "real-world").resolve(relative);
    }

    static Account account(Path pst) {
        return new Account("pst", Map.of("path", pst.toString()), null);
    }

    static ConnectorSession open(Path pst) throws Exception {
        return new PstConnector().open(account(pst), Role.SOURCE, ConnectContext.of(null));
    }

    /** One message as handed over: bytes as text (ISO-8859-1) and flags. */
    record Message(String text, Set<String> flags) {
    }

    /** Messages per folder (lower-cased name, INBOX as "inbox") and the reasons of skips, as our reader yields them. */
    static Map<String, List<Message>> ours(MailStore store, List<String> skipped) throws Exception {
        Map<String, List<Message>> out = new TreeMap<>();
        for (MailFolder f : store.folders()) {
            if (!f.selectable()) {
                continue;
            }
            List<Message> messages = new ArrayList<>();
            try (Mailbox box = store.open(f.name(), false)) {
                List<MessageInfo> details = box.details(box.list(null).stream().map(MessageInfo::id).toList());
                box.read(details, new MessageReader() {
                    @Override
                    public void accept(List<Fetched> group) {
                        for (Fetched g : group) {
                            ByteArrayOutputStream b = new ByteArrayOutputStream();
                            try {
                                g.body().writeTo(b);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            Set<String> flags = new TreeSet<>(g.info().flags());
                            flags.removeIf(x -> x.equalsIgnoreCase("\\Recent"));
                            messages.add(new Message(b.toString(StandardCharsets.ISO_8859_1), flags));
                        }
                    }

                    @Override
                    public void unread(Unread message) {
                        skipped.add(message.reason());
                    }
                });
            }
            if (!messages.isEmpty()) {
                out.put(f.name().toLowerCase(java.util.Locale.ROOT), messages);
            }
        }
        return out;
    }

    /**
     * readpst (pst-utils) on the file: {@code readpst -D -e} writes each message as an .eml in a directory per folder
     * below one for the store; the result is the .eml texts per folder path (lower-cased, below the store's directory).
     */
    static Map<String, List<String>> readpst(Path pst, Path out) throws Exception {
        Files.createDirectories(out);
        Process p;
        try {
            p = new ProcessBuilder("readpst", "-D", "-e", "-q", "-o", out.toString(), pst.toString())
                    .redirectErrorStream(true).redirectOutput(out.resolve("readpst.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("readpst (Debian package pst-utils) is needed as the oracle: " + e.getMessage(), e);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("readpst failed on " + pst + ": " + Files.readString(out.resolve("readpst.log")));
        }
        Map<String, List<String>> folders = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path eml : s.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                Path rel = out.relativize(eml.getParent());
                String folder = rel.getNameCount() <= 1 ? "" : rel.subpath(1, rel.getNameCount()).toString();
                folders.computeIfAbsent(folder.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(Files.readString(eml, StandardCharsets.ISO_8859_1));
            }
        }
        return folders;
    }
}
