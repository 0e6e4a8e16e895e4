package org.mailmigrator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A small OAuth2 authorization server written for the tests, for the two things mock-oauth2-server 2.3.0 does not do
 * (checked: its refresh grant answers the same refresh token it was given, and it has no device authorization
 * endpoint): <b>refresh token rotation</b> (OAuth 2.0 Security BCP, RFC 9700 §4.14.2: each refresh grant answers a new
 * refresh token and the old one is refused with {@code invalid_grant} from then on) and the <b>device authorization
 * grant</b> (RFC 8628: {@code POST /device} answers device_code, user_code, verification_uri, interval; {@code POST
 * /token} with the device_code grant answers authorization_pending until the user approves, slow_down when polled
 * faster than the interval (which then grows by 5 s, §3.5), expired_token after {@link #expireAfterPolls}). Access
 * tokens are RS256 JWTs ({@code typ} JWT: Dovecot refuses one without) for {@code subject} signed by its own key
 * ({@link #jwks()}, {@link #publicKey()}), as a relay or an OAuth2 Dovecot can check them.
 * One request per connection; the bodies are form-encoded as RFC 6749 requires.
 */
public final class TokenTestServer implements AutoCloseable {
    public static final String CLIENT = "device-test-client";
    public static final String USER_CODE = "WDJB-MJHT";
    private final ServerSocket listener;
    private final RSAKey key;
    private final String subject;
    private String refreshToken;
    private int rotations;
    private int refusedGrants;
    private final String deviceCode = UUID.randomUUID().toString();
    private boolean approved;
    private int interval = 1;
    private int expireAfterPolls = Integer.MAX_VALUE;
    private boolean slowDownOnce;
    private final List<Long> polls = new ArrayList<>();
    private final List<String> pollAnswers = new ArrayList<>();

    public TokenTestServer(String subject, String firstRefreshToken) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("token-test-server").build();
        this.subject = subject;
        this.refreshToken = firstRefreshToken;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("token-test-server").start(this::accept);
    }

    public URI tokenEndpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/token");
    }

    public URI deviceEndpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/device");
    }

    /** The key its access tokens are signed with (kid {@code token-test-server}), for a Dovecot to trust. */
    public java.security.PublicKey publicKey() throws java.security.GeneralSecurityException {
        try {
            return key.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new java.security.GeneralSecurityException("the test server's key: " + e.getMessage(), e);
        }
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** The key id its access tokens carry (for Dovecot's key dictionary). */
    public String keyId() {
        return key.getKeyID();
    }

    public synchronized String refreshToken() {
        return refreshToken;
    }

    public String deviceCode() {
        return deviceCode;
    }

    public synchronized int rotations() {
        return rotations;
    }

    /** Grants refused (an old, rotated refresh token or a wrong device code). */
    public synchronized int refusedGrants() {
        return refusedGrants;
    }

    /** The person approves the device sign-in (as on the verification page with {@link #USER_CODE}). */
    public synchronized void approve() {
        approved = true;
    }

    public synchronized void expireAfterPolls(int n) {
        expireAfterPolls = n;
    }

    /** The next pending poll is answered slow_down once, whatever its timing (the interval then grows by 5 s). */
    public synchronized void slowDownOnce() {
        slowDownOnce = true;
    }

    /** When each device-code poll arrived (ms, monotonic) and what it was answered. */
    public synchronized List<Long> polls() {
        return List.copyOf(polls);
    }

    public synchronized List<String> pollAnswers() {
        return List.copyOf(pollAnswers);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                serve(s);
            } catch (Exception e) {
                // the next connection is served
            }
        }
    }

    private void serve(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        String path = lines[0].split(" ")[1];
        int length = 0;
        for (String l : lines) {
            if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).trim());
            }
        }
        Map<String, String> form = form(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        String[] answer = path.startsWith("/device") ? device(form) : token(form);
        byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(("HTTP/1.1 " + answer[0] + "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(body);
        s.getOutputStream().flush();
    }

    private synchronized String[] device(Map<String, String> form) {
        if (!CLIENT.equals(form.get("client_id"))) {
            return new String[] {"401 Unauthorized", "{\"error\":\"invalid_client\"}"};
        }
        String verify = "http://127.0.0.1:" + listener.getLocalPort() + "/verify";
        return new String[] {"200 OK", "{\"device_code\":\"" + deviceCode + "\",\"user_code\":\"" + USER_CODE
                + "\",\"verification_uri\":\"" + verify + "\",\"verification_uri_complete\":\"" + verify + "?user_code="
                + USER_CODE + "\",\"expires_in\":600,\"interval\":" + interval + "}"};
    }

    private synchronized String[] token(Map<String, String> form) throws Exception {
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("refresh_token")) {
            if (!refreshToken.equals(form.get("refresh_token"))) {
                refusedGrants++;
                return error("invalid_grant");
            }
            return tokens(form.get("scope"));
        }
        if (grant.equals("urn:ietf:params:oauth:grant-type:device_code")) {
            if (!deviceCode.equals(form.get("device_code")) || !CLIENT.equals(form.get("client_id"))) {
                refusedGrants++;
                return error("invalid_grant");
            }
            long now = System.nanoTime() / 1_000_000;
            long last = polls.isEmpty() ? Long.MIN_VALUE : polls.get(polls.size() - 1);
            polls.add(now);
            String a;
            if (polls.size() > expireAfterPolls) {
                a = "expired_token";
            } else if (slowDownOnce && !approved || last != Long.MIN_VALUE && now - last < interval * 1000L) {
                slowDownOnce = false;
                interval += 5; // RFC 8628 §3.5: the client waits 5 s longer from now on
                a = "slow_down";
            } else if (!approved) {
                a = "authorization_pending";
            } else {
                pollAnswers.add("tokens");
                return tokens("https://outlook.office.com/IMAP.AccessAsUser.All offline_access");
            }
            pollAnswers.add(a);
            return error(a);
        }
        return error("unsupported_grant_type");
    }

    private String[] tokens(String scope) throws Exception {
        rotations++;
        refreshToken = "rt-" + rotations + "-" + UUID.randomUUID();
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(tokenEndpoint().toString()).issueTime(now)
                .expirationTime(new Date(now.getTime() + 3_600_000L)).claim("scope", scope == null ? "" : scope).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return new String[] {"200 OK", "{\"access_token\":\"" + jwt.serialize() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"" + refreshToken + "\"}"};
    }

    private static String[] error(String code) {
        return new String[] {"400 Bad Request", "{\"error\":\"" + code + "\"}"};
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                break;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
