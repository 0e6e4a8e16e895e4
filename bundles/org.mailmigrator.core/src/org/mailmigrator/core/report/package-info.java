/**
 * {@code Json}: the one JSON writer of the product's reports (batch reports, {@code migrate --report}, {@code
 * detect --json}), so every report escapes text and writes instants and durations the same way (the target
 * platform has no JSON library).
 * <p>
 * API with no dependencies beyond the JDK; used by the batch bundle and the command line.
 */
package org.mailmigrator.core.report;
