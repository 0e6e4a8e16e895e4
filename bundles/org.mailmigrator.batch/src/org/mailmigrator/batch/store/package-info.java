/**
 * The batch store's contract: {@code BatchStore} keeps batches, each migration's status, skipped items and sealed
 * credentials, one transaction a method and thread-safe; {@code BatchStoreException} says which batch and what
 * failed, in words.
 * <p>
 * API: the implementation (one H2 file in the workspace) is {@code org.mailmigrator.batch.internal.H2BatchStore}
 * and nothing outside this bundle may name it. Used by the job manager, the command line, the workbench and the
 * reports; it depends only on the core model and engine values.
 */
package org.mailmigrator.batch.store;
