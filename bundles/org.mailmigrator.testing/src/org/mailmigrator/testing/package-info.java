/**
 * Real servers for tests and benchmarks, each private to the test that starts it, on 127.0.0.1 with free ports and
 * its own configuration in a temporary folder: Dovecot, Cyrus, Courier-IMAP and hoodiecrow (Gmail-like) for IMAP,
 * Radicale and Xandikos for CalDAV/CardDAV, mock-oauth2-server with OAuth2 Dovecots ({@code OAuth2TestServers}),
 * plus a self-signed certificate, the unprivileged account servers run as, a plain child JVM for kill-and-resume
 * tests, and {@code Relay}, the loopback TCP relay tests put between a client and a server to count, rewrite, cut
 * or stall what passes. A server that is not installed is an error, never a skip. {@code SharedDovecot}, a JUnit 5
 * extension, lets the test classes of one run share a Dovecot (each test with accounts of its own).
 * <p>
 * Depends on no product bundle (only the JDK, nimbus-jose-jwt to read an authorization server's keys, the JUnit 5
 * API for {@code SharedDovecot}, and the server programs). Only test bundles, benchmarks and the screenshot
 * tooling may depend on it; no production bundle may.
 */
package org.mailmigrator.testing;
