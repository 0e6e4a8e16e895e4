/**
 * Account pages: {@code ConnectorPage} is what a connector's account editor implements, contributed through the
 * {@code org.mailmigrator.ui.connectorPages} extension point by connector id; without a contribution every
 * connector gets {@code GeneratedPage}, a {@code SettingsForm} built from its declared settings and validated as
 * the person types, so a third-party connector is editable without UI code.
 * <p>
 * API for UI plug-ins: uses SWT/JFace and the core connector, model and registry packages. The editor, the New
 * migration wizard and the Test account dialog use it; connectors themselves must not depend on it (UI
 * contributions point at core ids, never the reverse).
 */
package org.mailmigrator.ui.forms;
