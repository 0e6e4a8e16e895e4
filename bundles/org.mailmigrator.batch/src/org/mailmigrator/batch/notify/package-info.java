/**
 * The notification mails of a batch: {@code MailNotifier} listens to a batch and sends "started", each failed
 * migration and a final digest over SMTP (Angus Mail) from one background thread; {@code SmtpSettings} and {@code
 * SmtpPassword} keep the SMTP server in the workspace preferences file and its password sealed in the workspace's
 * vault, so that {@code batch run} and the workbench send the same mails.
 * <p>
 * API of the batch bundle, headless: uses {@code batch.jobs}, {@code batch.secrets} and the core model. The
 * command line and the workbench's preference pages use it; it must not depend on either.
 */
package org.mailmigrator.batch.notify;
