/**
 * Outlook data files (.pst, .ost) as a read-only mail source: the connector {@code pst} (docs/file-sources.md).
 */
package org.mailmigrator.connector.pst;
