/**
 * Internals of the calendar, task and contact migration ({@code core.pim.PimMigration}): the resolution of journal
 * entries left by an interrupted run. Uses {@code core.pim}, {@code core.spi}, {@code core.state} and
 * {@code core.internal.retry}; the state tables live in {@code core.internal.state} (H2PimState).
 */
package org.mailmigrator.core.internal.pim;
