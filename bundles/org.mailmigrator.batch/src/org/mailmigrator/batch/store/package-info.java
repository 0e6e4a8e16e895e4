/**
 * The batch store's contract: {@code BatchStore} keeps batches, each migration's status, skipped items and sealed
 * credentials, one transaction a method and thread-safe; {@code BatchStoreException} says which batch and what
 * failed, in words.
 * <p>
 * API: the implementations (one H2 file in the workspace, or PostgreSQL with {@code RowClaims} between the
 * processes that share it) are {@code org.mailmigrator.batch.internal.H2BatchStore} and {@code PgBatchStore}, and
 * nothing outside this bundle may name them. Used by the job manager, the command line, the workbench and the
 * reports; it depends only on the core model and engine values.
 */
package org.mailmigrator.batch.store;
