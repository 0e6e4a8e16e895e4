/**
 * The CalDAV/CardDAV connector as declared in this bundle's plugin.xml: {@code DavConnector}, a destination for
 * events, tasks and contacts that offers a {@link org.mailmigrator.core.pim.PimWriter}, and a source that offers a
 * {@link org.mailmigrator.core.pim.PimReader} of every calendar and address book of an account; {@code DavAuthorization},
 * the Authorization header of each request (Basic, or an OAuth2 bearer token).
 * <p>
 * The only public entry of the bundle: it implements the core SPI and hands out sessions from {@code
 * org.mailmigrator.connector.dav.internal}. The core and the other bundles reach it through the connector
 * registry, never by name; tests may construct it directly.
 */
package org.mailmigrator.connector.dav;
