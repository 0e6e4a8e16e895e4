/**
 * The headless application: {@code HeadlessApplication} runs one command on the same bundles as the workbench and
 * exits; {@code Cli} parses, runs and returns the exit code, for the application and for tests that drive the
 * command line in-process; an unexpected failure is printed as one line in words.
 * <p>
 * Depends on the batch, core and autodetect API packages through the command classes in {@code
 * org.mailmigrator.cli.internal.*}; no SWT. No production bundle depends on the command line: this package is
 * exported only ({@code x-friends}) to the test bundles that call {@code Cli}.
 */
package org.mailmigrator.cli;
