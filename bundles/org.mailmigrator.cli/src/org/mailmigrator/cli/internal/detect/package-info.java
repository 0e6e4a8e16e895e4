/**
 * {@code mailmigrator detect}: server settings of addresses, or of every row of a CSV file (one lookup per
 * domain), printed as text or as JSON written with the core's JSON writer.
 * <p>
 * Uses only the autodetect API and {@code org.mailmigrator.core.report}. Only the command line and its tests
 * ({@code x-friends}) may use it.
 */
package org.mailmigrator.cli.internal.detect;
