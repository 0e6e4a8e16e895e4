package org.mailmigrator.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OAuth2 authorization server on loopback: {@code no.nav.security:mock-oauth2-server} (Maven Central,
 * MIT licence) in a JVM of its own, started from its runtime class path (resolved once with Maven into
 * {@code ~/.cache/mailmigrator-tests/mock-oauth2-server-VERSION/classpath.txt}, as run-tests.sh does before the
 * build; {@code mailmigrator.mockoauth2} names another folder). It signs JWT access tokens (RS256) per issuer
 * ({@code http://127.0.0.1:PORT/ISSUER}); grants: jwt-bearer, authorization_code with PKCE (an interactive login
 * form), refresh_token, client_credentials. {@link #SHORT} issues tokens that live {@link #SHORT_SECONDS} s; its
 * client_credentials tokens have the client id as {@code sub}, and its other grants need a client_id.
 */
public final class MockOAuth2Server implements AutoCloseable {
    public static final String VERSION = "2.3.0";
    /** The issuer whose tokens expire after {@link #SHORT_SECONDS} seconds. */
    public static final String SHORT = "short";
    public static final int SHORT_SECONDS = 4;
    private static final String MAIN = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";
    private final Process process;
    private final Path dir;
    private final int port;

    private MockOAuth2Server(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static MockOAuth2Server start() throws IOException, InterruptedException {
        String classPath = Files.readString(install().resolve("classpath.txt")).trim();
        Path dir = Files.createTempDirectory("mailmigrator-oauth2-");
        int port = LoopbackServer.freePort();
        String config = """
                {"interactiveLogin": true, "httpServer": "NettyWrapper",
                 "tokenCallbacks": [{"issuerId": "%s", "tokenExpiry": %d,
                   "requestMappings": [
                     {"requestParam": "grant_type", "match": "client_credentials", "claims": {"sub": "${clientId}"}},
                     {"requestParam": "grant_type", "match": "*", "claims": {}}]}]}
                """.formatted(SHORT, SHORT_SECONDS);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, MAIN));
        Path log = dir.resolve("server.log");
        Process p = LoopbackServer.start(cmd, log, Map.of("SERVER_HOSTNAME", LoopbackServer.HOST,
                "SERVER_PORT", Integer.toString(port), "JSON_CONFIG", config));
        LoopbackServer.awaitListening("mock-oauth2-server", p, port, log, Duration.ofSeconds(60));
        return new MockOAuth2Server(p, dir, port);
    }

    /** The folder holding classpath.txt, the server's runtime class path, resolved with Maven when missing. */
    public static Path install() throws IOException, InterruptedException {
        return LoopbackServer.installOnce("mailmigrator.mockoauth2", "mock-oauth2-server-" + VERSION, "classpath.txt",
                home -> {
                    Files.writeString(home.resolve("pom.xml"), pom(), StandardCharsets.UTF_8);
                    Path partial = home.resolve("classpath.part");
                    ProcessBuilder pb = new ProcessBuilder(maven(), "-B", "-q", "-f", home.resolve("pom.xml").toString(),
                            "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath",
                            "-Dmdep.outputFile=" + partial).redirectErrorStream(true);
                    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
                    Process p = pb.start();
                    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(partial)) {
                        throw new IOException("resolving mock-oauth2-server " + VERSION + " with Maven failed:\n" + output);
                    }
                    Files.move(partial, home.resolve("classpath.txt"));
                });
    }

    /** The project's Maven wrapper above the working folder (the test bundle's), else mvn on the PATH. */
    private static String maven() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("mvnw"))) {
                return d.resolve("mvnw").toString();
            }
        }
        return RunAs.find("mvn").toString();
    }

    private static String pom() {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.mailmigrator.testing</groupId>
                  <artifactId>mock-oauth2-runtime</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <dependencies>
                    <dependency>
                      <groupId>no.nav.security</groupId>
                      <artifactId>mock-oauth2-server</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(VERSION);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/ISSUER}: the issuer's base (its token endpoint is {@code /token} below it). */
    public URI issuer(String issuer) {
        return URI.create("http://" + LoopbackServer.HOST + ":" + port + "/" + issuer);
    }

    public URI tokenEndpoint(String issuer) {
        return URI.create(issuer(issuer) + "/token");
    }

    public URI authorizationEndpoint(String issuer) {
        return URI.create(issuer(issuer) + "/authorize");
    }

    /** The issuer's signing keys (JWK Set JSON), what a resource server trusts. */
    public String jwks(String issuer) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer(issuer)
                + "/jwks")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + issuer(issuer) + "/jwks answered " + r.statusCode());
        }
        return r.body();
    }

    /**
     * What a resource server (a protocol fake) checks of a bearer token: a JWT signed by one of {@code issuer}'s keys
     * and not expired; each accepted token's subject and audience is added to {@code seen} ("SUB [AUD]").
     */
    public java.util.function.Predicate<String> acceptsTokensOf(String issuer, List<String> seen)
            throws IOException, InterruptedException {
        com.nimbusds.jose.jwk.JWKSet keys;
        try {
            keys = com.nimbusds.jose.jwk.JWKSet.parse(jwks(issuer));
        } catch (java.text.ParseException e) {
            throw new IOException("the JWK Set of " + issuer + " cannot be read", e);
        }
        return token -> {
            try {
                com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
                com.nimbusds.jose.jwk.JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
                if (key == null || !jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAKey()))
                        || jwt.getJWTClaimsSet().getExpirationTime().before(new java.util.Date())) {
                    return false;
                }
                seen.add(jwt.getJWTClaimsSet().getSubject() + " " + jwt.getJWTClaimsSet().getAudience());
                return true;
            } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
                return false;
            }
        };
    }

    /**
     * What a person does on the interactive sign-in page {@code page} (an authorization request): gets the login
     * form, submits it as {@code user}. Returns where the server redirects the browser (the application's loopback
     * address with the code), not followed.
     */
    public static URI logIn(URI page, String user) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
        if (!form.body().contains("name=\"username\"")) {
            throw new IllegalStateException("no login form at the sign-in page: " + form.statusCode());
        }
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&claims=")).build(), HttpResponse.BodyHandlers.ofString());
        return URI.create(posted.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("the login form did not redirect: " + posted.statusCode())));
    }

    public String log() {
        return LoopbackServer.read(dir.resolve("server.log"));
    }

    @Override
    public void close() {
        LoopbackServer.stop(process);
        try {
            RunAs.deleteTree(dir);
        } catch (IOException e) {
            // a temporary folder left behind must not hide the test's result
        }
    }
}
