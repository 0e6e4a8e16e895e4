/**
 * Passwords at rest: {@code SecretVault} seals them with AES-256-GCM under a key file the administrator holds
 * (created owner-only by {@code KeyFiles}, complete or absent) or under the same key held elsewhere (the
 * workbench's secure storage, {@code SecretVault.withKey}, with a marker file beside the data), and opens them again as {@link
 * org.mailmigrator.core.model.Secret}s that never print their value.
 * <p>
 * API, headless and small: uses only the JDK and the core model. The batch store keeps only sealed values; the
 * command line, the workbench and the notifier open them through this package.
 */
package org.mailmigrator.batch.secrets;
