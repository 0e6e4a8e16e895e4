/**
 * Test-only connectors: {@code test.echo} (and broken declarations the registry must skip) for the registry
 * tests, and {@code test.eml}, a read-only mail source over a directory of {@code .eml} files whose message ids
 * are file names, epochs file identities and change tokens modification times: it proves the engine works
 * without IMAP numbers. {@code ChildCopy}: the engine in a child JVM copying such a source (or any a test names) to
 * IMAP, for the kill-and-resume tests. Never part of a product.
 */
package org.mailmigrator.testing.connectors;
