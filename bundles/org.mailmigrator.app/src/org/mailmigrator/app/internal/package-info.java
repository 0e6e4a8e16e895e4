/**
 * The RCP application of the workbench: the {@code IApplication} that starts it, the workbench, window and action-
 * bar advisors (Migrations perspective, exit guard and resume offer once the window is open), Help > Open Demo
 * Batch, and the start-up options used by releng/screenshots.sh and start-up time measurements.
 * <p>
 * It sits on top of everything: it uses the UI bundle (including {@code org.mailmigrator.ui.internal.batches}, of
 * which it is the one production friend, to reach the Batches and Migrations views), the batch bundle and the
 * demo. Nothing depends on this package; it is not exported.
 */
package org.mailmigrator.app.internal;
