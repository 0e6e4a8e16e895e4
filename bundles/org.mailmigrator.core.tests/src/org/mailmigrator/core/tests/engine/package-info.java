/**
 * Tests of the mail engine alone: folder mapping, fingerprints, and whole runs against {@link
 * org.mailmigrator.core.tests.engine.MemoryMail}, an in-memory account whose message ids are UUIDs, so nothing
 * in the engine may lean on IMAP's numeric UIDs. The real-server scenarios stay in
 * {@code org.mailmigrator.connector.imap.tests}.
 */
package org.mailmigrator.core.tests.engine;
