/**
 * The command handlers declared in this bundle's plugin.xml: the Migrations view's run actions as commands (so
 * keys and menus reach them), Remove migrations, and the wizards opened on the selected batch; a handler learns
 * its action from its declaration's data.
 * <p>
 * Uses the workbench command framework and the batches, importer and wizards packages. Nothing names these classes
 * but plugin.xml; exported only to the UI tests ({@code x-friends}).
 */
package org.mailmigrator.ui.internal.commands;
