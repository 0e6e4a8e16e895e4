/**
 * What the engine remembers between runs of an account pair: per folder pair the UIDVALIDITY of both sides,
 * the UID map with fingerprints and last propagated flags, and the journal of destination writes in flight.
 * {@link org.mailmigrator.core.state.StateStore} is the interface; the embedded H2 implementation lives in
 * {@code org.mailmigrator.core.internal.state}.
 */
package org.mailmigrator.core.state;
