package org.mailmigrator.batch.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.model.Account;

/**
 * The source columns of a native row whose connector reads a local path (an Outlook .pst, an mbox file or tree, a
 * Maildir, a folder of .eml files: docs/file-sources.md): {@code source.connector} ({@code pst}, {@code files}),
 * {@code source.path} (an absolute path that exists; the batch may run from another folder) and the connector's
 * other settings ({@code source.format}...). Server, login and secret cells must be empty: a file has none. Whether
 * the file holds what the connector reads is said when the row runs (the connector opens it), naming the file.
 */
final class FileColumns {
    private static final Set<String> ACCOUNT = Set.of("server", "host", "port", "security", "login", "password", "auth",
            "tokenfile", "serviceaccount");

    private FileColumns() {
    }

    /** The file account of a source side; null when its cells had a problem (said, naming the column). */
    static Account account(Rows.Row r, List<String> names, String connector, ConnectorDescriptor descriptor) {
        String where = descriptor.addressing().endpoint().map(SettingDescriptor::id).orElse("path");
        Map<String, String> settings = new HashMap<>();
        int pathColumn = -1;
        for (int c = 0; c < names.size(); c++) {
            if (!names.get(c).startsWith("source.")) {
                continue;
            }
            String header = names.get(c).substring("source.".length());
            String setting = descriptor.settings().stream().map(SettingDescriptor::id).filter(id -> id.equalsIgnoreCase(header))
                    .findFirst().orElse(header);
            String v = r.cell(c);
            if (setting.equals("connector") || v.isEmpty()) {
                pathColumn = setting.equals(where) ? c : pathColumn;
                continue;
            }
            if (ACCOUNT.contains(setting) && descriptor.setting(setting).isEmpty()) {
                r.problem(c, "a " + connector + " source is a file on this machine: it has no " + setting + " (leave it empty)");
            } else if (descriptor.setting(setting).isEmpty()) {
                r.problem(c, "connector " + Quote.of(connector) + " has no setting " + Quote.of(setting));
            } else {
                final int col = c;
                descriptor.setting(setting).flatMap(d -> d.validate(v)).ifPresent(why -> r.problem(col, why));
                settings.put(setting, v);
                pathColumn = setting.equals(where) ? c : pathColumn;
            }
        }
        String path = settings.get(where);
        if (path == null) {
            r.problem(pathColumn, "a " + connector + " source needs its file or folder (source." + where + ")");
            return null;
        }
        Optional<String> wrong = problem(path);
        if (wrong.isPresent()) {
            r.problem(pathColumn, wrong.get());
            return null;
        }
        return new Account(descriptor.id(), settings, null);
    }

    /** What is wrong with a source path cell: relative, not a path, or missing. */
    static Optional<String> problem(String cell) {
        try {
            Path p = Path.of(cell);
            if (!p.isAbsolute()) {
                return Optional.of(Quote.of(cell) + " must be an absolute path (a batch may run from another folder)");
            }
            return Files.exists(p) ? Optional.empty() : Optional.of(Quote.of(cell) + " does not exist");
        } catch (InvalidPathException e) {
            return Optional.of(Quote.of(cell) + " is not a path: " + e.getReason());
        }
    }
}
