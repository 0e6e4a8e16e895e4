/**
 * The connectors installed in this runtime, as declared through the {@code connectors} extension point
 * ({@code schema/connectors.exsd}): {@link org.mailmigrator.core.connector.ConnectorRegistry} reads the
 * declarations lazily (a broken one is skipped, logged and listed), {@link
 * org.mailmigrator.core.connector.ConnectorDescriptor} holds one, with its settings ({@link
 * org.mailmigrator.core.connector.SettingDescriptor}) and its addressing ({@link
 * org.mailmigrator.core.connector.Addressing}: which setting is the endpoint and which the login, and the URL
 * schemes, {@link org.mailmigrator.core.connector.UrlScheme}, the command line accepts). Code outside a connector
 * asks the descriptor where an account lives and who logs in, never a setting by a guessed name. Plain Java plus
 * the extension registry; no UI. The parsing of declarations lives in {@code core.internal.registry}.
 */
package org.mailmigrator.core.connector;
