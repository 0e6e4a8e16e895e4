/**
 * What the engine remembers between runs of an account pair: per folder pair one
 * {@link org.mailmigrator.core.state.FolderState} record (epochs, positions and change token of both sides), the
 * copy records (source id to destination id, fingerprint, last propagated flags) and the journal of destination
 * writes in flight. Ids, epochs, positions and tokens are the connectors' opaque strings.
 * {@link org.mailmigrator.core.state.StateStore} is the interface; the embedded H2 implementation lives in
 * {@code org.mailmigrator.core.internal.state}; {@link org.mailmigrator.core.state.DatabaseStore} opens the same stores
 * in a PostgreSQL database shared by many pairs ({@code org.mailmigrator.core.internal.pg}, docs/postgresql.md), and
 * gives its {@link org.mailmigrator.core.state.SharedLimits}: per-host connection leases, throttling pauses and locks
 * that every process using the database shares.
 */
package org.mailmigrator.core.state;
