/**
 * The pre-flight of one account pair before any data moves: log in on both sides, read capabilities, APPENDLIMIT
 * and quota, count the source's folders, messages and bytes, find the largest message and turn what would fail
 * into a fix list ({@code PreflightResult}).
 * <p>
 * API, headless: uses only the core engine, mail and SPI packages. Batch jobs, {@code batch run --preflight} and
 * the migration editor's "Test connection" all call it, so it must not depend on the batch store, the command line
 * or the UI.
 */
package org.mailmigrator.batch.preflight;
