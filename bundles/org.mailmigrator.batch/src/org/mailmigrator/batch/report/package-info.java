/**
 * The reports of a batch, built from what the store and the pass logs hold (so another process can write them
 * after the run): {@code batch.json}, {@code migrations.csv}, {@code skipped.csv}, {@code summary.txt}, {@code
 * report.html} with JFreeChart charts as PNG, per-migration pass histories ({@code PassLog}, {@code PassHistory}),
 * pre-flight reports, and the rows' errors grouped by cause with their fix ({@code ErrorCauses}).
 * <p>
 * API, headless (JFreeChart is used without SWT): uses the batch store and pre-flight packages, the core engine,
 * model and JSON writer. {@code batch report}, the workbench's Export report wizard and its dashboard use it; it
 * must not depend on them.
 */
package org.mailmigrator.batch.report;
