/**
 * Each third-party library of the target platform used once inside the running OSGi framework, so a missing run-
 * time dependency or service provider (Jakarta Mail providers, the slf4j binding through SPI Fly) fails here
 * rather than in the product.
 * <p>
 * Depends only on the libraries; nothing may depend on this package.
 */
package org.mailmigrator.libraries.tests;
