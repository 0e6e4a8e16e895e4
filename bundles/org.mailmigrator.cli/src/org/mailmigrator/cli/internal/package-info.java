/**
 * The top-level {@code mailmigrator} command (picocli) and what its subcommands share: option checks that fail
 * before anything runs (exit code 2, the option named), where a password comes from (file, environment, prompt
 * without echo; never the command line), {@code --version}, and the connectors table.
 * <p>
 * Uses the core connector and model packages. Only the command line and its tests ({@code x-friends}) may use it.
 */
package org.mailmigrator.cli.internal;
