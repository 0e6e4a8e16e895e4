/**
 * Contributions of a pretend third party, for tests only (no feature ships this bundle): the CSV format
 * {@code acme} ({@link org.mailmigrator.testing.extensions.AcmeRows}), the notifier {@code recording}
 * ({@link org.mailmigrator.testing.extensions.RecordingNotifiers}), and broken declarations that the registries must
 * skip and log. Uses only the batch bundle's API.
 */
package org.mailmigrator.testing.extensions;
