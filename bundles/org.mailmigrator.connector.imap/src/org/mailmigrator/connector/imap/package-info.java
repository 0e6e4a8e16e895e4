/**
 * The IMAP connector as declared in this bundle's plugin.xml: {@code ImapConnector}, source and destination of
 * mail on Angus Mail, whose sessions offer {@link org.mailmigrator.core.mail.MailStore}. Usable without OSGi: the
 * crash tests start it in a bare JVM.
 * <p>
 * The only public entry of the bundle, implementing the core SPI over {@code
 * org.mailmigrator.connector.imap.internal}. Other bundles reach it through the connector registry; tests and the
 * demo may construct it directly.
 */
package org.mailmigrator.connector.imap;
