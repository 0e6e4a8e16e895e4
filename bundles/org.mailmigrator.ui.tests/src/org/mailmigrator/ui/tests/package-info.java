/**
 * Tests of the workbench driven through its real widgets in the UI harness under Xvfb, one page object per view,
 * wizard or dialog: batches and migrations views, wizards, the editor, certificate questions, runs against real
 * Dovecot servers with pause, resume, exit and resume offers, the dashboard, preferences and key bindings.
 * <p>
 * Uses the UI bundle's packages (internal ones as a friend), the batch API, the IMAP connector and {@code
 * org.mailmigrator.testing}; nothing may depend on this package.
 */
package org.mailmigrator.ui.tests;
