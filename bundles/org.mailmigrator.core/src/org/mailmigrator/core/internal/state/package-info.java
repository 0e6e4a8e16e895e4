/**
 * The embedded H2 implementation of {@link org.mailmigrator.core.state.StateStore} and of
 * {@link org.mailmigrator.core.pim.PimState} in the same file: the tables of one account pair's state, mail and
 * calendars/contacts each in their own versioned block with their own journal (created when missing; no sequence or identity column, which a SIGKILL early in a first run could
 * leave spinning), one connection used under a lock, and {@code WatchedStore}, which gives every call a deadline
 * and opens the store in the background. State files of earlier versions are migrated in place ({@code Schema}).
 * Every connection to a state file is opened by {@code StoreFile} (each commit appended, so that a SIGKILL never
 * reopens the file at an earlier version; compacted when the last connection shuts it down).
 * <p>
 * Reached only through {@code StateStore}'s factory methods; uses only the core state package and H2. Exported
 * only ({@code x-friends}) to {@code core.tests} and {@code connector.imap.tests}, whose crash tests open it
 * directly.
 */
package org.mailmigrator.core.internal.state;
