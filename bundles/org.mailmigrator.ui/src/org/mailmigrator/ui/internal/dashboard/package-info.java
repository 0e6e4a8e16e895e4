/**
 * The fleet dashboard: every batch's totals by status, progress, rate and ETA, a throughput chart over time
 * (JFreeChart drawn on SWT through SWTGraphics2D), connections in use per server against the limit, and the
 * rows' errors grouped by cause with their fix and a one-click filter of the Migrations view.
 */
package org.mailmigrator.ui.internal.dashboard;
