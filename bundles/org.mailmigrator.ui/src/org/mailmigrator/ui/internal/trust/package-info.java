/**
 * Server certificates in the workbench: the question dialog (subject, issuer, validity, SHA-256; refuse is the
 * default; trust once or always), the fingerprints trusted always per host in the workspace preferences, and
 * {@code UiConnectContext}, the workbench's answers to a connector (credential, certificate question asked on the
 * UI thread from a background job).
 * <p>
 * Implements the core SPI's callback interfaces with SWT/JFace; uses the core model and SPI and {@code
 * batch.jobs}. Exported only to the UI tests ({@code x-friends}).
 */
package org.mailmigrator.ui.internal.trust;
