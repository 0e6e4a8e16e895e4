/**
 * Connectors contributed only for tests, through this bundle's plugin.xml: {@code EchoConnector} opens a session
 * that offers no capability and refuses an account without a credential, so registry, settings and credential
 * paths can be tested without a network.
 * <p>
 * Implements the core SPI and uses the core model; only test bundles may depend on it, and no product feature
 * includes it.
 */
package org.mailmigrator.testing.connectors;
