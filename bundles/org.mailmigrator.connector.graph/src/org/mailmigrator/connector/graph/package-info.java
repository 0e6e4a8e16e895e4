/**
 * Microsoft Graph (Exchange Online) as a calendar, contact and task source and destination: {@link GraphConnector}.
 * Plain {@code java.net.http} calls (the Graph SDK is not an OSGi bundle), app-only OAuth2 tokens from the
 * {@link org.mailmigrator.core.spi.SignIn.Bearer} of the connect context, docs/microsoft365.md.
 */
package org.mailmigrator.connector.graph;
