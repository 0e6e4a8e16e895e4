/**
 * The job manager: one Eclipse Jobs {@code JobGroup} per batch capped at its concurrency, a connection
 * limit per server host shared by all batches, job families per batch and per kind, and progress published
 * to listeners as immutable, coalesced snapshots. UI-agnostic: the command line prints the snapshots, the
 * workbench will show them.
 */
package org.mailmigrator.batch.jobs;
