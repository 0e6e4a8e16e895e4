/**
 * The migration editor: a Settings page (source and destination accounts on their connector's page, with "Detect
 * settings" through the autodetect bundle, and the options of what is copied) and a Folder mapping page that asks
 * the engine for its plan; network work ("Test connection", "Preview") runs in jobs.
 * <p>
 * Uses SWT/JFace/Forms, {@code org.mailmigrator.ui.forms}, {@code org.mailmigrator.ui.batches}, the batch API
 * (store, pre-flight, labels), the core engine, connector, model and SPI packages, and the autodetect
 * API. Exported only to the UI tests ({@code x-friends}), which drive its fields through {@code EditorAccess}.
 */
package org.mailmigrator.ui.internal.editor;
