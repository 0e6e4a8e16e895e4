/**
 * Real servers for tests and benchmarks, each private to the test that starts it, on 127.0.0.1 with free ports and
 * its own configuration in a temporary folder: Dovecot, Cyrus, Courier-IMAP and hoodiecrow (Gmail-like) for IMAP,
 * Radicale and Xandikos for CalDAV/CardDAV, plus a self-signed certificate, the unprivileged account servers run
 * as, and a plain child JVM for kill-and-resume tests. A server that is not installed is an error, never a skip.
 * <p>
 * Depends on no product bundle (only the JDK and the server programs). Only test bundles, benchmarks and the
 * screenshot tooling may depend on it; no production bundle may.
 */
package org.mailmigrator.testing;
