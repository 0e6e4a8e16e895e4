/**
 * The Connectors view (every installed connector with its roles, item kinds and declared settings, and the
 * contributions that were skipped) and the Test account dialog, which fills in an account on its connector's page
 * and logs in through the connector in a background job.
 * <p>
 * Uses SWT/JFace/workbench, {@code org.mailmigrator.ui.forms}, {@code org.mailmigrator.ui.internal.trust} and the
 * core connector, model and SPI packages. Exported only to the UI tests ({@code x-friends}).
 */
package org.mailmigrator.ui.internal.views;
