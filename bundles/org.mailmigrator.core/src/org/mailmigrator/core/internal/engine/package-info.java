/**
 * The working parts of the mail engine behind {@link org.mailmigrator.core.engine.MigrationEngine}: one run of an
 * account pair ({@code Run}: plan, create folders, sync folder pairs in parallel workers), the per-folder sync
 * that journals every destination write first ({@code FolderSync}, {@code Copier}), recovery by fingerprint after
 * a lost journal, retries with backoff, flag propagation, mirroring, the destination lock, the folder mapper and
 * the run's counters. It compares item ids, epochs and change tokens for equality only; positions are ordered
 * by the destination mailbox, so the same code runs IMAP, Exchange and file sources.
 * <p>
 * Plain Java on the core mail, SPI, state and engine API packages; no OSGi, no UI. Nothing outside the core may
 * depend on it except tests ({@code x-friends}: {@code core.tests} and {@code connector.imap.tests}, where the
 * engine's real-server tests live).
 */
package org.mailmigrator.core.internal.engine;
