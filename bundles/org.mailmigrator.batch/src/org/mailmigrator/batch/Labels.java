package org.mailmigrator.batch;

import java.net.URI;
import java.nio.file.Path;

import org.mailmigrator.core.model.Account;

/**
 * How an account is named in tables, reports and mails: login@host, never a secret. A row with only
 * calendar/contacts legs names its source by file name and its target by login@host of its URL.
 */
public final class Labels {
    private Labels() {
    }

    public static String account(Account a) {
        if (a.setting("host").isEmpty() && a.setting("path").isPresent()) {
            Path file = Path.of(a.setting("path").get()).getFileName();
            return file == null ? a.setting("path").get() : file.toString();
        }
        if (a.setting("host").isEmpty() && a.setting("url").isPresent()) {
            String host;
            try {
                host = URI.create(a.setting("url").get()).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            return a.setting("login").orElse("?") + "@" + (host == null ? "?" : host);
        }
        return a.setting("login").orElse("?") + "@" + a.setting("host").orElse("?");
    }
}
