/**
 * Tests of the command line as an administrator runs it: argument errors with exit code 2 and the option named,
 * the top-level commands and {@code detect}, all through {@code Cli} in-process.
 * <p>
 * Uses only {@code org.mailmigrator.cli}; nothing may depend on this package.
 */
package org.mailmigrator.cli.tests;
