package org.mailmigrator.cli.internal.migrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.auth.DeviceSignIn;
import org.mailmigrator.auth.LoopbackSignIn;
import org.mailmigrator.auth.ServiceAccountKey;
import org.mailmigrator.auth.SignIns;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;
import org.mailmigrator.core.spi.ConnectorException;

import picocli.CommandLine.Option;

/**
 * {@code migrate}'s sign-in options for both sides (docs/sign-in.md): {@code --source-auth password|xoauth2|
 * oauthbearer}, {@code --source-token-file FILE} (an access token, or an authorized user JSON with a refresh
 * token), {@code --source-service-account KEY.json} (a Google service account key with domain-wide delegation;
 * the login of the URL is the mailbox it signs in as), and the same with {@code --target-}. A token or key file
 * implies {@code xoauth2} unless {@code --*-auth} says otherwise. The files are read into memory as secrets, never
 * printed.
 */
public final class SignInOptions {
    @Option(names = "--source-auth", paramLabel = "MECH", description = "password (default), xoauth2 or oauthbearer")
    String sourceAuth;
    @Option(names = "--source-token-file", paramLabel = "FILE", description = "OAuth2 access token (or authorized user JSON)")
    Path sourceTokenFile;
    @Option(names = "--source-service-account", paramLabel = "KEY.json", description = "service account key with domain-wide delegation")
    Path sourceServiceAccount;
    @Option(names = "--source-device-client", paramLabel = "CLIENT.json", description = "sign in on this console (RFC 8628"
            + " device code) with this OAuth client when --source-token-file does not exist yet; the sign-in is kept there")
    Path sourceDeviceClient;
    @Option(names = "--target-auth", paramLabel = "MECH", description = "password (default), xoauth2 or oauthbearer")
    String targetAuth;
    @Option(names = "--target-token-file", paramLabel = "FILE", description = "OAuth2 access token (or authorized user JSON)")
    Path targetTokenFile;
    @Option(names = "--target-service-account", paramLabel = "KEY.json", description = "service account key with domain-wide delegation")
    Path targetServiceAccount;
    @Option(names = "--target-device-client", paramLabel = "CLIENT.json", description = "like --source-device-client, for the target")
    Path targetDeviceClient;

    /** A sign-in that could not be made (the device code expired, the endpoint refused): exit 4, or 3 when unreachable. */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ConnectorException.AccountFailure cause;

        Failed(ConnectorException.AccountFailure cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }

        /** The exit code: 3 when the authorization server could not be reached, else 4. */
        public int exitCode() {
            return cause.reason() == ConnectorException.AccountFailure.Reason.CONNECTION ? 3 : 4;
        }
    }

    /** One side's choice: its auth value and its secret, when it signs in with OAuth2. */
    public record Side(String auth, Secret secret, Optional<Path> tokenFile) {
        /**
         * The account with its {@code auth} setting, so that the session factory builds the OAuth2 sign-in, and the
         * token file a rotated refresh token is written back to.
         */
        public Account apply(Account a) {
            Map<String, String> s = new HashMap<>(a.settings());
            s.put(SignIns.AUTH, auth);
            tokenFile.ifPresent(f -> s.put(SignIns.TOKEN_FILE, f.toAbsolutePath().toString()));
            return new Account(a.connectorId(), s, a.credential());
        }
    }

    /**
     * @param say where a device sign-in shows its code
     * @throws IllegalArgumentException for a wrong option, naming it
     * @throws Failed when a device sign-in fails
     */
    public Optional<Side> source(PrintWriter say) {
        device("source", sourceDeviceClient, sourceTokenFile, say);
        return side("source", sourceAuth, sourceTokenFile, sourceServiceAccount);
    }

    /** Like {@link #source}, for the target. */
    public Optional<Side> target(PrintWriter say) {
        device("target", targetDeviceClient, targetTokenFile, say);
        return side("target", targetAuth, targetTokenFile, targetServiceAccount);
    }

    /**
     * {@code --*-device-client}: when the token file does not exist yet, the person signs in on this console (the code
     * and the address printed) and the sign-in is kept in the token file, which later runs read without asking.
     */
    private static void device(String side, Path client, Path tokenFile, PrintWriter say) {
        if (client == null) {
            return;
        }
        String option = "--" + side + "-device-client";
        if (tokenFile == null) {
            throw new IllegalArgumentException(option + " needs --" + side + "-token-file FILE, where the sign-in is kept");
        }
        if (Files.exists(tokenFile)) {
            return; // signed in before: the file is read like any token file
        }
        Secret json = read(option, client);
        LoopbackSignIn.Provider provider = DeviceSignIn.client(json, option + " " + client);
        try {
            var signedIn = DeviceSignIn.signIn(provider, "the " + side + " account", (uri, code, complete, valid) -> {
                say.println("mailmigrator migrate: to sign in to the " + side + " account, open " + uri + " and enter the code "
                        + code + " (valid " + Math.max(1, valid.toMinutes()) + " min); waiting for the sign-in...");
                say.flush();
            }, d -> Thread.sleep(d.toMillis()), java.time.Clock.systemUTC());
            DeviceSignIn.keep(signedIn, tokenFile);
            say.println("mailmigrator migrate: signed in; the sign-in is kept in " + tokenFile + " (owner-only) for the next runs");
        } catch (ConnectorException.AccountFailure e) {
            throw new Failed(e);
        } catch (ConnectorException e) {
            throw new Failed(new ConnectorException.AccountFailure(e.getMessage(), ConnectorException.AccountFailure.Reason.CONNECTION, e));
        }
    }

    private static Secret read(String option, Path file) {
        try {
            return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the option, never quoting a file's content */
    private static Optional<Side> side(String side, String auth, Path tokenFile, Path keyFile) {
        String option = "--" + side + "-auth";
        var mechanism = named(option, () -> SignIns.mechanism(auth));
        if (tokenFile != null && keyFile != null) {
            throw new IllegalArgumentException("--" + side + "-token-file and --" + side
                    + "-service-account exclude each other");
        }
        Path file = tokenFile != null ? tokenFile : keyFile;
        String fileOption = "--" + side + (tokenFile != null ? "-token-file" : "-service-account");
        if (file == null) {
            if (mechanism.isPresent()) {
                throw new IllegalArgumentException(option + " " + auth + " needs --" + side + "-token-file FILE or --"
                        + side + "-service-account KEY.json");
            }
            return Optional.empty();
        }
        if (auth != null && mechanism.isEmpty()) {
            throw new IllegalArgumentException(fileOption + " is for OAuth2: use " + option + " xoauth2 or oauthbearer");
        }
        Secret secret = read(fileOption, file);
        if (secret.isEmpty()) {
            throw new IllegalArgumentException(fileOption + " " + file + " is empty");
        }
        String where = fileOption + " " + file;
        if (keyFile != null) {
            ServiceAccountKey.parse(secret, where); // says now which field is missing, not at the first login
        }
        SignIns.tokens(secret, "check", java.util.List.of(), where, java.time.Clock.systemUTC());
        // an authorized user JSON keeps its refresh token: one the provider rotates is written back to the file
        boolean refresh = tokenFile != null && SignIns.isRefreshToken(secret);
        return Optional.of(new Side(mechanism.map(m -> m.id()).orElse("xoauth2"), secret,
                refresh ? Optional.of(tokenFile) : Optional.empty()));
    }

    private static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
