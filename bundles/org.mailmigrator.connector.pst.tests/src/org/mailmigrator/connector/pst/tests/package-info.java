/**
 * Tests of the PST connector: real-world data files of public projects, {@code readpst} (pst-utils) as the
 * oracle, a real Dovecot on loopback as the destination.
 */
package org.mailmigrator.connector.pst.tests;
