package org.mailmigrator.connector.ews.internal;

import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectContext;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.SignIn;

/**
 * The ews connector's settings, checked once. {@code archive} (the destination folder its tree goes under) makes the
 * mail source read the online archive mailbox. {@code mailbox} (or {@code impersonate}, the same) names the mailbox an
 * administrator or service account ({@code login}) acts for, and {@code access} how: {@code impersonation} (the
 * default: the ExchangeImpersonation header, ApplicationImpersonation role) or {@code fullaccess} (Full Access
 * delegation: the administrator opens the other mailbox's folders by name). An account imported with OMM's
 * {@code delegation} column (the administrator's login) acts for the row's login, with the row's password being the
 * administrator's. Signed in with OAuth2 ({@code bearer}: the context's {@link SignIn.Bearer}, an app-only client
 * credentials JSON or a token file) there is no password: an app-only token has no mailbox of its own, so the row's
 * login is impersonated unless another mailbox is named. As a calendar/contacts source, {@code read} says which folders
 * are read and {@code syncState} names the file where the SyncFolderItems states are kept between runs
 * (docs/ews-source.md). {@code maxSyncCalls} caps the sync calls of one mailbox in flight at once ({@link SyncGate}).
 */
public record EwsSettings(URI url, String login, Secret password, Optional<String> calendarFolder,
        Optional<String> contactsFolder, Optional<String> tasksFolder, ZoneId floatingZone, Optional<String> mailbox,
        String read, Optional<java.nio.file.Path> syncState, boolean fullAccess, Optional<SignIn.TokenSource> bearer,
        Optional<String> archive, int maxSyncCalls) {

    /**
     * The default of {@code maxSyncCalls}: the value of the {@code ConcurrentSyncCalls} part of Exchange Online's EWS
     * throttling budget as Exchange Online states it in its ErrorServerBusy answers ("policy part 'ConcurrentSyncCalls',
     * policy value '5'"); below the documented EWSMaxConcurrency of every version (10 in Exchange 2010, 27 since
     * Exchange 2013 and in Exchange Online). docs/ews-source.md, "Throttling".
     */
    public static final int DEFAULT_SYNC_CALLS = 5;

    /** The mailbox every request impersonates (ExchangeImpersonation), if any. */
    public Optional<String> impersonate() {
        return fullAccess ? Optional.empty() : mailbox;
    }

    /** Whose well-known folders are opened: another mailbox's with Full Access, else the session's own. */
    Mailboxes mailboxes() {
        return fullAccess ? new Mailboxes(mailbox) : Mailboxes.OWN;
    }

    /** The mailbox the requests are for (Exchange Online routes a request by its X-AnchorMailbox). */
    String anchor() {
        return mailbox.orElse(login);
    }

    public static EwsSettings of(Account account, ConnectContext context) throws ConnectorException.AccountFailure {
        String text = account.setting("url").orElseThrow(() -> fail("the setting 'url' is required"));
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw fail("'" + text + "' is not a URL: " + e.getMessage());
        }
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw fail("'" + text + "' must be https://HOST/EWS/Exchange.asmx");
        }
        if (scheme.equals("http") && !Boolean.parseBoolean(account.setting("allowPlaintext").orElse("false"))) {
            throw fail("'" + text + "' would send the password without TLS; use https:// or allow plaintext explicitly");
        }
        String rowLogin = account.setting("login").filter(s -> !s.isBlank()).orElseThrow(() -> fail("the setting 'login' is required"));
        Optional<String> impersonate = impersonation(account);
        boolean fullAccess = access(account);
        Optional<String> delegation = account.setting("delegation").map(String::strip).filter(s -> !s.isEmpty());
        boolean delegated = impersonate.isEmpty() && delegation.isPresent();
        if (delegated) { // OMM's delegation column: an administrator signs in for the row's mailbox (impersonation)
            impersonate = Optional.of(checked(rowLogin, "the login of a row with a delegation column"));
        }
        String login = delegated ? delegation.get() : rowLogin;
        Optional<SignIn.TokenSource> bearer = context.signIn().filter(SignIn.Bearer.class::isInstance)
                .map(b -> ((SignIn.Bearer) b).tokens());
        if (fullAccess && impersonate.isEmpty()) {
            throw fail("access=fullaccess needs the mailbox to open (the setting 'mailbox', or OMM's delegation column)");
        }
        if (bearer.isPresent() && impersonate.isEmpty()) { // an app-only token acts for the row's mailbox
            impersonate = Optional.of(checked(rowLogin, "the login of an account signed in with OAuth2"));
        }
        Secret password = bearer.isPresent() ? null : context.credential().filter(s -> !s.isEmpty())
                .orElseThrow(() -> fail("no password for " + login + " at " + url.getHost()));
        ZoneId floating;
        try {
            floating = ZoneId.of(account.setting("floatingTimeZone").filter(s -> !s.isBlank()).orElse("UTC"));
        } catch (RuntimeException e) {
            throw fail("floatingTimeZone: " + e.getMessage());
        }
        return new EwsSettings(url, login, password, folder(account, "calendarFolder"), folder(account, "contactsFolder"),
                folder(account, "tasksFolder"), floating, impersonate, read(account),
                folder(account, "syncState").map(java.nio.file.Path::of), fullAccess, bearer, archive(account),
                syncCalls(account));
    }

    /**
     * {@code archive=true}: the mail source reads the mailbox's online archive (ArchiveMsgFolderRoot) instead of its
     * primary folders, each under the folder {@code archiveFolder} (default {@code Archive}) at the destination.
     */
    private static Optional<String> archive(Account account) throws ConnectorException.AccountFailure {
        if (!Boolean.parseBoolean(account.setting("archive").map(String::strip).orElse("false"))) {
            return Optional.empty();
        }
        String under = account.setting("archiveFolder").map(String::strip).filter(s -> !s.isEmpty()).orElse("Archive");
        if (under.startsWith("/") || under.endsWith("/")) {
            throw fail("archiveFolder: '" + under + "' must be a folder path without a leading or trailing '/'");
        }
        return Optional.of(under);
    }

    /** {@code maxSyncCalls}: SyncFolderItems/SyncFolderHierarchy requests of one mailbox in flight at once, 1 to 100. */
    private static int syncCalls(Account account) throws ConnectorException.AccountFailure {
        String text = account.setting("maxSyncCalls").map(String::strip).filter(s -> !s.isEmpty())
                .orElse(String.valueOf(DEFAULT_SYNC_CALLS));
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 100) {
            throw fail("maxSyncCalls: '" + text + "' must be a number of concurrent sync calls from 1 to 100");
        }
        return Integer.parseInt(text);
    }

    /** {@code access}: impersonation (default) or fullaccess (Full Access delegation). */
    private static boolean access(Account account) throws ConnectorException.AccountFailure {
        String access = account.setting("access").map(s -> s.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", ""))
                .filter(s -> !s.isEmpty()).orElse("impersonation");
        return switch (access) {
            case "impersonation", "impersonate" -> false;
            case "fullaccess", "delegate", "delegation" -> true;
            default -> throw fail("access: '" + access + "' must be impersonation or fullaccess");
        };
    }

    /** As a calendar/contacts source: what to read ({@code all}, {@code calendars}: events and tasks, {@code contacts}). */
    private static String read(Account account) throws ConnectorException.AccountFailure {
        String read = account.setting("read").map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse("all");
        if (!read.equals("all") && !read.equals("calendars") && !read.equals("contacts")) {
            throw fail("read: '" + read + "' must be all, calendars or contacts");
        }
        return read;
    }

    /** The SMTP address of the mailbox to act for ({@code mailbox} or {@code impersonate}), checked to look like one. */
    private static Optional<String> impersonation(Account account) throws ConnectorException.AccountFailure {
        Optional<String> address = account.setting("impersonate").map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> mailbox = account.setting("mailbox").map(String::strip).filter(s -> !s.isEmpty());
        if (address.isPresent() && mailbox.isPresent() && !address.get().equalsIgnoreCase(mailbox.get())) {
            throw fail("impersonate '" + address.get() + "' and mailbox '" + mailbox.get() + "' name two mailboxes; give one");
        }
        if (address.isPresent()) {
            checked(address.get(), "impersonate");
        }
        if (mailbox.isPresent()) {
            checked(mailbox.get(), "mailbox");
        }
        return address.or(() -> mailbox);
    }

    private static String checked(String address, String what) throws ConnectorException.AccountFailure {
        if (!address.matches("[^@\\s<>\"]+@[^@\\s<>\"]+")) {
            throw fail(what + ": '" + address + "' is not an SMTP address (user@domain) of the mailbox to act for");
        }
        return address;
    }

    private static Optional<String> folder(Account account, String id) {
        return account.setting(id).filter(s -> !s.isBlank());
    }

    private static ConnectorException.AccountFailure fail(String message) {
        return new ConnectorException.AccountFailure("ews: " + message, null);
    }
}
