package org.mailmigrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * A test Dovecot whose only passdb is {@code oauth2} validating JWT bearer tokens itself
 * ({@code introspection_mode = local}): SASL XOAUTH2 and OAUTHBEARER, no password works. A token is accepted when
 * its signature verifies with a key in the key dictionary ({@code keys/<azp|default>/<ALG>/<kid|default>}, PEM),
 * it has not expired and its {@code sub} is the login. Keys are added with {@link #trustKey}.
 */
public final class DovecotOAuth2 implements AutoCloseable {
    private final Dovecot dovecot;

    private DovecotOAuth2(Dovecot dovecot) {
        this.dovecot = dovecot;
    }

    public static DovecotOAuth2 start() throws IOException, InterruptedException {
        return start("username_attribute = sub");
    }

    /**
     * A Dovecot that checks tokens as {@code validation} says: {@code username_attribute = sub} (one token per
     * mailbox), or, as Exchange Online does for an application with a mailbox permission (app-only sign-in), one
     * token of the tenant's application for every mailbox of the domain: {@code username_attribute = sub} with
     * {@code username_format = %d} (Dovecot 2.3 compares the login's and the token's value through that format, so
     * only the domains must match; the application's client id is then written in the tenant's domain).
     */
    public static DovecotOAuth2 start(String validation) throws IOException, InterruptedException {
        return new DovecotOAuth2(Dovecot.start(DovecotOptions.of(Dovecot.Layout.SLASH).withTls(false),
                passdb(validation)));
    }

    /**
     * The configuration change that makes a Dovecot's only passdb {@code oauth2} checking tokens as
     * {@code validation} says (see {@link #start(String)}); for a Dovecot started otherwise (POP3:
     * {@link DovecotPop3#start(DovecotOptions, java.util.function.UnaryOperator)}), whose keys are then added with
     * {@link #trustKey(Dovecot, String, String, String, java.security.PublicKey)}.
     */
    public static java.util.function.UnaryOperator<String> passdb(String validation) {
        return conf -> {
            String dir = conf.replaceFirst("(?s).*\\nbase_dir = (\\S+)/base\\n.*", "$1");
            try {
                Files.createDirectories(Path.of(dir, "keys"));
                Files.writeString(Path.of(dir, "etc/dovecot-oauth2.conf.ext"), """
                        introspection_mode = local
                        local_validation_key_dict = fs:posix:prefix=%s/keys/
                        %s
                        """.formatted(dir, validation), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // refused tokens are part of the tests: no failure delay, and no auth penalty (its anvil socket closed,
            // as Dovecot's documentation says), which would otherwise grow to 15 s per refused login
            return conf.replace("auth_mechanisms = plain login", "auth_mechanisms = xoauth2 oauthbearer\n"
                    + "auth_failure_delay = 0")
                    .replace("service anvil {\n  chroot =\n}", "service anvil {\n  chroot =\n"
                            + "  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}")
                    .replaceFirst("passdb \\{\\n\\s*driver = static\\n\\s*args = [^\\n]*\\n\\s*\\}",
                            "passdb {\n  driver = oauth2\n  args = " + dir + "/etc/dovecot-oauth2.conf.ext\n}");
        };
    }

    /**
     * Trusts a public key for tokens signed with {@code alg} ({@code RS256}) and key id {@code kid}, for tokens
     * whose {@code azp} is {@code azp} ({@code default}: tokens without azp).
     */
    public void trustKey(String azp, String alg, String kid, java.security.PublicKey key) throws IOException {
        trustKey(dovecot, azp, alg, kid, key);
    }

    /** {@link #trustKey(String, String, String, java.security.PublicKey)} for a Dovecot configured with {@link #passdb}. */
    public static void trustKey(Dovecot dovecot, String azp, String alg, String kid, java.security.PublicKey key)
            throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        for (String name : escaped(kid)) {
            Path file = dovecot.directory().resolve("keys").resolve(azp).resolve(alg).resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            for (Path p = file; !p.equals(dovecot.directory()); p = p.getParent()) {
                p.toFile().setReadable(true, false);
                p.toFile().setExecutable(true, false);
            }
        }
    }

    /**
     * A key id as Dovecot looks it up in the key dictionary (lib-oauth2's {@code escape_identifier}: {@code /} and
     * {@code %} written {@code %2f} and {@code %25} by Dovecot 2.3.19, later versions also {@code .} as {@code %2e}: both
     * spellings, and the id as it is for one that escapes nothing); mock-oauth2-server's key ids are its issuer ids, and a Microsoft-shaped issuer
     * ({@code TENANT/oauth2/v2.0}) has both characters.
     */
    static java.util.Set<String> escaped(String kid) {
        String slashes = kid.replace("%", "%25").replace("/", "%2f");
        // and as it is (a Dovecot that does not escape reads the nested path the slashes make)
        return new java.util.LinkedHashSet<>(List.of(slashes, slashes.replace(".", "%2e"), kid));
    }

    /**
     * Trusts every signing key of the authorization server's {@code issuers}, for tokens whose azp is one of
     * {@code azps} ({@code default}: tokens without azp).
     */
    public static void trustIssuers(Dovecot dovecot, MockOAuth2Server auth, List<String> issuers, List<String> azps)
            throws IOException, InterruptedException {
        for (String issuer : issuers) {
            try {
                for (JWK k : JWKSet.parse(auth.jwks(issuer)).getKeys()) {
                    for (String azp : azps) {
                        trustKey(dovecot, azp, "RS256", k.getKeyID(), k.toRSAKey().toRSAPublicKey());
                    }
                }
            } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
                throw new IOException("the signing keys of issuer " + issuer + " cannot be read", e);
            }
        }
    }

    public Dovecot dovecot() {
        return dovecot;
    }

    public int imapPort() {
        return dovecot.imapPort();
    }

    public String log() {
        return dovecot.log();
    }

    @Override
    public void close() {
        dovecot.close();
    }
}
