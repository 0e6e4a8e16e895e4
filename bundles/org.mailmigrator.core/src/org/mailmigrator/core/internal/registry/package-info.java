/**
 * Parsing of one {@code <connector>} declaration of the {@code connectors} extension point into a {@link
 * org.mailmigrator.core.connector.ConnectorDescriptor}, or a message that says what is wrong with it.
 * <p>
 * Used only by {@link org.mailmigrator.core.connector.ConnectorRegistry}; uses the core connector, model and
 * registry packages and the Eclipse extension registry. Exported only to the core's tests ({@code x-friends}).
 */
package org.mailmigrator.core.internal.registry;
