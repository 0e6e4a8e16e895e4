/**
 * Importing batches from the CSV files administrators already have: OVH Mail Migrator's project template,
 * imapsync's {@code file.txt}, Exchange Online's IMAP migration CSV, and a native format whose header names
 * the connectors' declared settings. Every problem is reported with line, column and reason before anything
 * is stored.
 */
package org.mailmigrator.batch.csv;
