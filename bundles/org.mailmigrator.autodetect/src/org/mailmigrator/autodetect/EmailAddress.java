package org.mailmigrator.autodetect;

import java.net.IDN;
import java.util.Locale;

/** An e-mail address split in its local part and its (lower-case, ASCII) domain. */
public record EmailAddress(String localPart, String domain) {

    /**
     * Parses what a person typed or a CSV cell held.
     *
     * @throws IllegalArgumentException with a message that names the input and what is wrong with it
     */
    public static EmailAddress parse(String input) {
        String text = input == null ? "" : input.strip();
        int at = text.lastIndexOf('@');
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty e-mail address");
        }
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("'" + input + "' is not an e-mail address (expected name@domain)");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>')) {
            throw new IllegalArgumentException("'" + input + "' has spaces or brackets in its name part");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + input + "' has an invalid domain: " + e.getMessage());
        }
        if (!ascii.contains(".") || ascii.startsWith(".") || ascii.contains("..")) {
            throw new IllegalArgumentException("'" + input + "' has an invalid domain '" + domain + "'");
        }
        return new EmailAddress(local, ascii);
    }

    /** Replaces the placeholders of a login or URL pattern. */
    public String expand(String pattern) {
        return pattern.replace("%EMAILADDRESS%", toString()).replace("%EMAILLOCALPART%", localPart)
                .replace("%EMAILDOMAIN%", domain);
    }

    /** True when the host is the domain itself or one of its sub-domains. */
    public boolean owns(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return h.equals(domain) || h.endsWith("." + domain);
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
