package org.mailmigrator.batch.notify;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.mailmigrator.batch.Workspace;

/**
 * The SMTP server notifications go through, kept in the workspace preferences: the file Eclipse's
 * instance scope uses for this bundle ({@code .metadata/.plugins/org.eclipse.core.runtime/.settings/
 * org.mailmigrator.batch.prefs}), so the workbench's preference page and the command line share it.
 * {@code security} is none, starttls or tls. A login's password is never kept here: see {@link SmtpPassword}.
 */
public record SmtpSettings(String host, int port, String security, String from, Optional<String> login) {

    static final String NODE = "org.mailmigrator.batch";

    public static Path file(Workspace ws) {
        return ws.dir().resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/" + NODE + ".prefs");
    }

    /** Empty when no SMTP host is configured: then no notification is sent. */
    public static Optional<SmtpSettings> load(Workspace ws) throws IOException {
        Properties p = properties(ws);
        String host = p.getProperty("smtp.host", "").trim();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpSettings(host, Integer.parseInt(p.getProperty("smtp.port", "25").trim()),
                p.getProperty("smtp.security", "starttls").trim(), p.getProperty("smtp.from", "mailmigrator@localhost").trim(),
                Optional.ofNullable(p.getProperty("smtp.login")).filter(s -> !s.isBlank())));
    }

    /**
     * The workspace preference {@code smtp.auth}: {@code xoauth2} when the stored SMTP secret ({@link SmtpPassword}) is
     * an OAuth2 secret (a service account key, an authorized user JSON or an access token; docs/sign-in.md), else
     * empty (a password). Not part of the record so that its callers stay as they are.
     */
    public static Optional<String> auth(Workspace ws) throws IOException {
        return Optional.ofNullable(properties(ws).getProperty("smtp.auth")).map(String::trim)
                .filter(a -> !a.isEmpty() && !a.equalsIgnoreCase("password"));
    }

    /** Sets the workspace preference {@code smtp.auth} (see {@link #auth}); {@code password} removes it. */
    public static void saveAuth(Workspace ws, String auth) throws IOException {
        update(ws, p -> {
            if (auth.equalsIgnoreCase("password")) {
                p.remove("smtp.auth");
            } else {
                p.setProperty("smtp.auth", auth);
            }
        });
    }

    public void save(Workspace ws) throws IOException {
        update(ws, p -> {
            p.setProperty("smtp.host", host);
            p.setProperty("smtp.port", String.valueOf(port));
            p.setProperty("smtp.security", security);
            p.setProperty("smtp.from", from);
            login.ifPresentOrElse(l -> p.setProperty("smtp.login", l), () -> p.remove("smtp.login"));
        });
    }

    /** Changes some preferences of the file, keeping the others (the workbench's pages write there too). */
    private static void update(Workspace ws, java.util.function.Consumer<Properties> change) throws IOException {
        Properties p = properties(ws);
        Path f = file(ws);
        Files.createDirectories(f.getParent());
        p.setProperty("eclipse.preferences.version", "1");
        change.accept(p);
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.ISO_8859_1)) {
            p.store(w, null);
        }
    }

    /** The preferences file as it is (empty when there is none yet): the one place it is read. */
    private static Properties properties(Workspace ws) throws IOException {
        Path f = file(ws);
        Properties p = new Properties();
        if (Files.exists(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
                p.load(r);
            }
        }
        return p;
    }
}
