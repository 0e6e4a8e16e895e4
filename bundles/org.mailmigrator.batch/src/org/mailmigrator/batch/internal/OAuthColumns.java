package org.mailmigrator.batch.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.mailmigrator.auth.SignIns;
import org.mailmigrator.core.model.Secret;

/**
 * The OAuth2 cells of a batch row (docs/sign-in.md): {@code auth} (password, xoauth2 or oauthbearer), and a file
 * whose content is the row's secret, sealed in the store like a password: {@code tokenfile} (an access token or
 * an authorized user JSON) or {@code serviceaccount} (a service account JSON key, one key for every row of a
 * Google Workspace domain; or a Microsoft 365 application's client credentials JSON, app-only, docs/microsoft365.md). Messages name the cell's file, never its content.
 */
final class OAuthColumns {
    private OAuthColumns() {
    }

    /** Checks one cell and records {@code auth}; the problem to report, or null. */
    static String read(String setting, String value, Map<String, String> extra) {
        if (value.isEmpty()) {
            return null;
        }
        if (setting.equals("auth")) {
            try {
                SignIns.mechanism(value);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            extra.put(SignIns.AUTH, value.toLowerCase(java.util.Locale.ROOT));
            return null;
        }
        Path file = Path.of(value);
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            return "the " + (setting.equals("tokenfile") ? "token" : "service account key") + " file " + Quote.of(value)
                    + " cannot be read";
        }
        try {
            Secret s = secret(value);
            SignIns.tokens(s, "check", java.util.List.of(), Quote.of(value), java.time.Clock.systemUTC());
            if (setting.equals("serviceaccount") && !org.mailmigrator.auth.ServiceAccountKey.isKey(s)
                    && !org.mailmigrator.auth.ClientCredentials.is(s)) {
                return Quote.of(value) + " is not a service account JSON key (\"type\": \"service_account\") nor an "
                        + "application's client credentials (\"type\": \"client_credentials\")";
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** The file's content as a secret (already checked by {@link #read}). */
    static Secret secret(String file) {
        try {
            return Secret.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Secret.of("");
        }
    }

    /** A token or key file without an {@code auth} cell: OAuth2 is implied. */
    static boolean lacksAuth(Map<String, String> extra, boolean secretFile) {
        return secretFile && !extra.containsKey(SignIns.AUTH);
    }
}
