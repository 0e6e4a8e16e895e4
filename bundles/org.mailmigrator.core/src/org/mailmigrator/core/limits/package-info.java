/**
 * Providers' limits a run must live with: a daily transfer budget per account ({@link TransferBudget}, e.g.
 * Gmail's 2,500 MB download and 500 MB upload per day over IMAP), counted across runs in a small file of the
 * state folder, and the stop of a run whose budget is spent ({@link BudgetSpent}: "waiting for quota until
 * HH:MM"). Plain Java, no OSGi or SWT.
 */
package org.mailmigrator.core.limits;
