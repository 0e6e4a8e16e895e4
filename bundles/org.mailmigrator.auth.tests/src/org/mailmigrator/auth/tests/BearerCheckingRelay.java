package org.mailmigrator.auth.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mailmigrator.testing.HttpHeads;
import org.mailmigrator.testing.Relay;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A resource server in front of a DAV server (Radicale), as Google's CalDAV/CardDAV endpoints are one: each request
 * must carry {@code Authorization: Bearer TOKEN} with a JWT signed by one of the authorization server's keys (its
 * JWKS), not expired, whose {@code sub} is the expected mailbox; otherwise it answers 401 itself. An accepted
 * request goes to the DAV server with the DAV server's own Basic credentials instead. {@link #revokeAfter} makes
 * every token seen so far refused from then on (a revocation the client learns of by a 401).
 */
final class BearerCheckingRelay implements AutoCloseable {
    private final Relay relay;
    private final JWKSet keys;
    private final String subject;
    private final String basic;
    private final Set<String> seen = new HashSet<>();
    private final Set<String> revoked = new HashSet<>();
    private final List<String> scopes = new ArrayList<>();
    private int accepted;
    private int revokeAfter = -1;
    private long delayMs;
    private long maxAgeSeconds = Long.MAX_VALUE;
    private int refusedExpired;
    private int refusedOther;
    private String why = "";

    BearerCheckingRelay(int targetPort, String jwks, String subject, String login, String password) throws Exception {
        this.keys = JWKSet.parse(jwks);
        this.subject = subject;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.relay = Relay.to(targetPort).name("bearer-checking-relay")
                .onOpen(link -> link.up((in, out) -> requests(in, out, link))).start();
    }

    int port() {
        return relay.port();
    }

    synchronized int accepted() {
        return accepted;
    }

    /** Distinct valid tokens presented. */
    synchronized int tokens() {
        return seen.size();
    }

    synchronized int refusedExpired() {
        return refusedExpired;
    }

    synchronized int refusedOther() {
        return refusedOther;
    }

    /** The scope claims of the accepted tokens. */
    synchronized List<String> scopes() {
        return List.copyOf(scopes);
    }

    /** After the {@code n}th accepted request, every token seen so far is refused (revoked by the provider). */
    synchronized void revokeAfter(int n) {
        revokeAfter = n;
    }

    /** Makes each accepted request wait {@code ms}, so that a run outlives its short-lived tokens. */
    synchronized void delay(long ms) {
        delayMs = ms;
    }

    /**
     * Refuses tokens issued more than {@code seconds} ago as expired (a resource server with a shorter token life
     * than the authorization server's hour), so that a run sees its token expire.
     */
    synchronized void maxAge(long seconds) {
        maxAgeSeconds = seconds;
    }

    private synchronized long delayMs() {
        return delayMs;
    }

    /** Whether the header's token is good; counts it either way. */
    private synchronized boolean check(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            why = "no bearer token";
            refusedOther++;
            return false;
        }
        String token = authorization.substring(7).trim();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAKey())) || revoked.contains(token)) {
                why = revoked.contains(token) ? "revoked" : "not signed by the authorization server";
                refusedOther++;
                return false;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date now = new Date();
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now) || claims.getIssueTime() == null
                    || (now.getTime() - claims.getIssueTime().getTime()) / 1000 >= maxAgeSeconds) {
                refusedExpired++;
                return false;
            }
            if (!subject.equals(claims.getSubject())) {
                why = "sub " + claims.getSubject();
                refusedOther++;
                return false;
            }
            Object scope = claims.getClaim("scope");
            scopes.add(String.valueOf(scope != null ? scope : claims.getClaim("scp")));
            seen.add(token);
            if (++accepted == revokeAfter) {
                revoked.addAll(seen);
            }
            return true;
        } catch (Exception e) {
            why = e.getMessage();
            refusedOther++;
            return false;
        }
    }

    private void requests(InputStream in, Relay.Sink out, Relay.Link link) throws IOException, InterruptedException {
        for (String head = HttpHeads.read(in); head != null; head = HttpHeads.read(in)) {
            String authorization = HttpHeads.header(head, "Authorization");
            StringBuilder forwarded = new StringBuilder();
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("authorization:")) {
                    forwarded.append("Authorization: ").append(basic).append("\r\n");
                } else if (!line.isEmpty()) {
                    forwarded.append(line).append("\r\n");
                }
            }
            forwarded.append("\r\n");
            byte[] body = in.readNBytes((int) HttpHeads.contentLength(head));
            if (!check(authorization)) {
                // the DAV server sees nothing of this request; no other answer is pending (no pipelining)
                link.toClient().write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                continue;
            }
            Thread.sleep(delayMs());
            out.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        }
    }

    @Override
    public synchronized String toString() {
        return "accepted " + accepted + " (" + seen.size() + " token(s)), refused as expired " + refusedExpired
                + ", refused otherwise " + refusedOther + " (" + why + ")";
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
