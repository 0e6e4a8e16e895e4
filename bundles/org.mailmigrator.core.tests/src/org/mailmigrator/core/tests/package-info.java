/**
 * Tests of the core and of rules that hold for the whole source tree: the connector registry and declared
 * settings, the {@code Secret} type, no UI dependency outside the UI family, and every package documented with no
 * production class over 400 lines (these read the tree named by {@code mailmigrator.sourceRoot}).
 * <p>
 * Uses the core API packages and {@code org.mailmigrator.testing.connectors}; nothing may depend on this package.
 */
package org.mailmigrator.core.tests;
