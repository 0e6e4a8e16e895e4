/**
 * Mail files as a source, as declared in this bundle's plugin.xml: {@code FilesConnector} reads an mbox file or a
 * Thunderbird/Apple Mail tree of them, a Maildir(++), a folder of .eml files or a Google Takeout .mbox, and offers
 * them as a read-only {@link org.mailmigrator.core.mail.MailStore}. The only public entry of the bundle; other
 * bundles reach it through the connector registry, tests may construct it directly.
 */
package org.mailmigrator.connector.files;
