package org.mailmigrator.cli.internal.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.auth.ServiceAccountKey;
import org.mailmigrator.auth.SignIns;
import org.mailmigrator.core.model.Account;
import org.mailmigrator.core.model.Secret;

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
    @Option(names = "--target-auth", paramLabel = "MECH", description = "password (default), xoauth2 or oauthbearer")
    String targetAuth;
    @Option(names = "--target-token-file", paramLabel = "FILE", description = "OAuth2 access token (or authorized user JSON)")
    Path targetTokenFile;
    @Option(names = "--target-service-account", paramLabel = "KEY.json", description = "service account key with domain-wide delegation")
    Path targetServiceAccount;

    /** One side's choice: its auth value and its secret, when it signs in with OAuth2. */
    record Side(String auth, Secret secret) {
        /** The account with its {@code auth} setting, so that the session factory builds the OAuth2 sign-in. */
        Account apply(Account a) {
            Map<String, String> s = new HashMap<>(a.settings());
            s.put(SignIns.AUTH, auth);
            return new Account(a.connectorId(), s, a.credential());
        }
    }

    Optional<Side> source() {
        return side("source", sourceAuth, sourceTokenFile, sourceServiceAccount);
    }

    Optional<Side> target() {
        return side("target", targetAuth, targetTokenFile, targetServiceAccount);
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
        Secret secret;
        try {
            secret = Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException(fileOption + " " + file + " cannot be read: " + e.getMessage());
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException(fileOption + " " + file + " is empty");
        }
        String where = fileOption + " " + file;
        if (keyFile != null) {
            ServiceAccountKey.parse(secret, where); // says now which field is missing, not at the first login
        }
        SignIns.tokens(secret, "check", java.util.List.of(), where, java.time.Clock.systemUTC());
        return Optional.of(new Side(mechanism.map(m -> m.id()).orElse("xoauth2"), secret));
    }

    private static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
