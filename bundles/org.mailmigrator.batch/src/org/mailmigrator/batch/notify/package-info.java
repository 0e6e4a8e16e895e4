/**
 * Notifications of batch runs. {@link org.mailmigrator.batch.notify.Notifiers} reads the notifiers contributed to
 * the extension point {@code org.mailmigrator.batch.notifiers} (schema {@code schema/notifiers.exsd}) and creates
 * those a run needs as one listener of the job manager; a third party implements
 * {@link org.mailmigrator.batch.notify.NotifierFactory} and {@link org.mailmigrator.batch.notify.Notifier}. The
 * bundle's own contribution sends e-mail over SMTP ({@link org.mailmigrator.batch.notify.MailNotifiers},
 * {@link org.mailmigrator.batch.notify.MailNotifier}) with the server of the workspace preferences
 * ({@link org.mailmigrator.batch.notify.SmtpSettings}) and the login's sealed password
 * ({@link org.mailmigrator.batch.notify.SmtpPassword}). Uses the batch API, Jakarta Mail and the extension
 * registry; no UI.
 */
package org.mailmigrator.batch.notify;
