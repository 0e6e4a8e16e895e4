package org.mailmigrator.batch.internal;

import java.util.Map;

import org.mailmigrator.auth.SignIns;
import org.mailmigrator.batch.csv.spi.CsvRow;
import org.mailmigrator.core.model.Secret;

/**
 * imapsync's OAuth2 options in a file.txt row: {@code --authmech1 XOAUTH2} (or OAUTHBEARER) and
 * {@code --oauthaccesstoken1 VALUE}, where VALUE is the token itself or, as imapsync allows, a file holding it
 * (an access token, an authorized user JSON or a service account key). The token replaces the row's password and
 * is sealed like one; a token without {@code --authmech} means XOAUTH2, as in imapsync.
 */
final class ImapsyncOAuth {
    private ImapsyncOAuth() {
    }

    /** Records the option in {@code side}'s settings; the token for the oauthaccesstoken options, else null. */
    static Secret read(CsvRow r, String option, String value, Map<String, String> side) {
        if (option.startsWith("--authmech")) {
            if (!value.equalsIgnoreCase("XOAUTH2") && !value.equalsIgnoreCase("OAUTHBEARER")) {
                r.problem(6, option + " " + Quote.of(value) + " is not supported here (XOAUTH2 or OAUTHBEARER)");
            } else {
                side.put(SignIns.AUTH, value.toLowerCase(java.util.Locale.ROOT));
            }
            return null;
        }
        side.putIfAbsent(SignIns.AUTH, "xoauth2");
        java.nio.file.Path file = java.nio.file.Path.of(value);
        boolean isFile = value.length() < 4096 && !value.contains("\n") && java.nio.file.Files.isRegularFile(file);
        String where = isFile ? option + " " + Quote.of(value) : option;
        Secret token = isFile ? OAuthColumns.secret(value) : Secret.of(value);
        try {
            SignIns.tokens(token, "check", java.util.List.of(), where, java.time.Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            r.problem(6, e.getMessage());
            return null;
        }
        return token;
    }
}
