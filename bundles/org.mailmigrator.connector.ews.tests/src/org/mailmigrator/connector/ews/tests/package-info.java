/**
 * Tests of the EWS connector against a local SOAP endpoint ({@code EwsProtocolFake}) that checks every request
 * against the shapes of Microsoft's EWS reference and keeps a mailbox, calendar and contacts in memory: mail from
 * a real Dovecot into Exchange, interruptions and resumes, recurrences with RDATEs, updates in place, and the
 * command line with {@code ews+https} targets.
 * <p>
 * Uses the EWS, IMAP, ical and vcard connectors, the core engine, mail, pim and state packages, {@code Cli} and
 * {@code org.mailmigrator.testing}; nothing may depend on this package.
 */
package org.mailmigrator.connector.ews.tests;
