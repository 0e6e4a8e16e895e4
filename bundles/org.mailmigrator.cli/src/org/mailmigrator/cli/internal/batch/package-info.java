/**
 * The {@code batch} subcommands: import, run, status (from the store, or the status file of the process that runs
 * the batch), report, export, purge, notify-settings and demo, with their exit codes and the workspace and
 * secrets-key options they share. Report files are written owner-only.
 * <p>
 * A thin layer over the batch bundle's API ({@code batch}, {@code batch.csv}, {@code batch.jobs}, {@code
 * batch.store}, {@code batch.report}, {@code batch.notify}, {@code batch.secrets}) and the demo; it must not reach
 * into {@code org.mailmigrator.batch.internal}. Only the command line and its tests ({@code x-friends}) may use
 * it.
 */
package org.mailmigrator.cli.internal.batch;
