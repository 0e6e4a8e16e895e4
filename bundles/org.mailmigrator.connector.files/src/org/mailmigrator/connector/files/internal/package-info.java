/**
 * The readers behind {@code FilesConnector}: a streaming mbox scanner (bounded buffer, content ids, mboxrd
 * unquoting, Thunderbird and mutt status headers), Maildir, .eml, Apple Mail .emlx and MH folders (one file per
 * message), folder trees (Thunderbird {@code .sbd}, Apple {@code .mbox} exports and Mail's own store, Maildir++
 * {@code .a.b}, MH sub-folders), format recognition, and a Google Takeout
 * view that presents labels as Gmail does over IMAP so that the core's Gmail mapping applies. Messages travel with
 * CRLF line ends, every other byte as stored.
 * <p>
 * Uses the core mail, model and SPI packages and the JDK only. Only this bundle and {@code connector.files.tests}
 * ({@code x-friends}) may use it.
 */
package org.mailmigrator.connector.files.internal;
