/**
 * What the UI bundle offers others by name: the ids of its views, perspective and context ({@code
 * * UiIds}), for the application, the UI tests and third-party plug-ins, and the Migrations perspective.
 * <p>
 * API of the UI family. It depends on nothing of the product; only UI-family bundles (the application, tests,
 * third-party UI plug-ins) may depend on it, never the core, connectors, batch or command line.
 */
package org.mailmigrator.ui;
