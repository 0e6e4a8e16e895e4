/**
 * The workbench's preference pages and what they change: run preferences (batch defaults, TLS policy, pinned
 * certificates, default options) applied to every start, resume, retry and delta sync from the workbench, and the
 * SMTP server of notification mails, kept where {@code batch run} reads it so both send the same mails, and
 * where the secrets key lives (the workspace's key file, or the workbench's Equinox secure storage through
 * {@code SecureStorageKey}, whose master password the OS keyring keeps through Equinox's libsecret provider;
 * {@code KeyringAdvice} says what to install when no Secret Service answers; {@code KeyringAtStart} installs that key
 * when the workbench starts and, when the keyring does not answer then, tells it in a dialog and the Error Log).
 * <p>
 * Uses the Eclipse preference framework, Equinox secure storage, {@code batch.notify}, {@code batch.secrets}, {@code batch.jobs}, {@code batch.workspace} and
 * {@code org.mailmigrator.ui.batches}. Exported only to the UI tests ({@code x-friends}).
 */
package org.mailmigrator.ui.internal.prefs;
