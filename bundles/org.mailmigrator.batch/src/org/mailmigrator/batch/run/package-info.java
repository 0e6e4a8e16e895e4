/**
 * One pass of one account pair, the same for {@code mailmigrator migrate}, a batch row and the workbench:
 * {@link org.mailmigrator.batch.run.PassRunner} runs the pre-flight (when asked), the mail pass, then the
 * calendar/contacts/tasks legs, and hands back one sealed {@link org.mailmigrator.batch.run.PassReport} whose
 * outcome is mapped in one place. {@code migrate} builds a one-row batch in memory
 * ({@link org.mailmigrator.batch.run.PassRequest}) and takes this path; a batch job builds the same request
 * from its stored row. {@link org.mailmigrator.batch.run.StateLocation} is the one rule for where a pair's
 * state lives (the workspace), {@link org.mailmigrator.batch.run.PimTarget} the one spelling of a
 * calendar/contacts target (what the target is comes from the connector that declares its URL scheme).
 * {@link org.mailmigrator.batch.run.Presets} are the provider presets the runner's maker read once: nothing in a
 * pass looks the platform's registry up.
 * <p>
 * May use: {@code org.mailmigrator.core} (engine, PIM, state), the batch bundle's API packages. Its internals
 * (session factories, the legs) are in {@code org.mailmigrator.batch.internal}. No UI, no OSGi services.
 */
package org.mailmigrator.batch.run;
