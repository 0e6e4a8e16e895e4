/**
 * The POP3 connector as declared in this bundle's plugin.xml: {@code Pop3Connector}, a mail source on Angus Mail's
 * POP3 provider whose sessions offer {@link org.mailmigrator.core.mail.MailStore} with one folder, INBOX.
 * <p>
 * The only public entry of the bundle, implementing the core SPI over {@code
 * org.mailmigrator.connector.pop3.internal}. Other bundles reach it through the connector registry.
 */
package org.mailmigrator.connector.pop3;
