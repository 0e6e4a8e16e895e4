/**
 * The Exchange Web Services connector as declared in this bundle's plugin.xml: {@code EwsConnector}, a destination
 * for mail ({@link org.mailmigrator.core.mail.MailStore}) and for events, tasks and contacts ({@link
 * org.mailmigrator.core.pim.PimWriter}), and a source of both (docs/ews-source.md).
 * <p>
 * The only public entry of the bundle, implementing the core SPI over {@code
 * org.mailmigrator.connector.ews.internal}. Other bundles reach it through the connector registry; tests may
 * construct it directly.
 */
package org.mailmigrator.connector.ews;
