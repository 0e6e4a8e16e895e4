/**
 * The connector service provider interface: what a protocol adapter implements. Plain Java on purpose
 * (no OSGi, no SWT), with failures typed by what the engine must do about them.
 */
package org.mailmigrator.core.spi;
