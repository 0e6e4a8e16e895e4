package org.mailmigrator.ui.internal.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.Account;

/**
 * The rows the New batch wizard makes from a folder of mail files: one migration per Outlook data file (content
 * starting with {@code !BDN}: the {@code pst} connector) or mbox file (starting with {@code From }: the {@code files}
 * connector) directly in the folder, each into the destination account whose login is the pattern with
 * {@code {name}} replaced by the file's name without its extension ({@code alice.pst} → {@code alice@example.org}).
 * Other files are left out (listed by {@link #ignored}).
 */
final class FolderRows {
    /** One file and the destination login made for it. */
    record Row(Path file, String connector, String login) {
        Account source() {
            return new Account(connector, connector.equals("files") ? Map.of("path", file.toString(), "format", "mbox")
                    : Map.of("path", file.toString()), null);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    private FolderRows() {
    }

    /** @throws IllegalArgumentException naming the folder or the pattern when they cannot give rows */
    static FolderRows of(Path folder, String loginPattern) {
        if (!loginPattern.contains("{name}")) {
            throw new IllegalArgumentException("the destination login '" + loginPattern + "' needs {name} (the file's name)");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("'" + folder + "' is not a folder");
        }
        FolderRows out = new FolderRows();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
                String connector = connector(f);
                String name = f.getFileName().toString();
                if (connector == null) {
                    out.ignored.add(name);
                } else {
                    String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                    out.rows.add(new Row(f, connector, loginPattern.replace("{name}", base)));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + folder + "' cannot be listed: " + e.getMessage(), e);
        }
        if (out.rows.isEmpty()) {
            throw new IllegalArgumentException("'" + folder + "' holds no Outlook data file (.pst/.ost) or mbox file");
        }
        return out;
    }

    List<Row> rows() {
        return rows;
    }

    /** The names of the files that are neither a PST nor an mbox. */
    List<String> ignored() {
        return ignored;
    }

    /** {@code pst}, {@code files} or null, from the first bytes. */
    private static String connector(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            String head = new String(in.readNBytes(5), StandardCharsets.ISO_8859_1);
            return head.startsWith("!BDN") ? "pst" : head.startsWith("From ") ? "files" : null;
        }
    }

    /**
     * The destination account of a login on a server written {@code imaps://HOST[:PORT]} (or another scheme an
     * installed connector declares), through that connector's declaration.
     *
     * @throws IllegalArgumentException naming the server text
     */
    static Account destination(ConnectorRegistry registry, String server, String login) {
        try {
            URI u = new URI(server.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("the destination server '" + server + "' is not imaps://HOST[:PORT]");
            }
            var connector = registry.forScheme(u.getScheme()).filter(c -> c.canWrite()).orElseThrow(
                    () -> new IllegalArgumentException("no installed connector writes to " + u.getScheme() + ":// servers"));
            return connector.parse(new URI(u.getScheme(), login, u.getHost(), u.getPort(), u.getPath(), null, null), false);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the destination server '" + server + "' is not a URL: " + e.getReason(), e);
        }
    }
}
