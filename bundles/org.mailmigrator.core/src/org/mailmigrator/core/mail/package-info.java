/**
 * What a mail connector offers through {@code ConnectorSession.capability(MailStore.class)}: folders with
 * their attributes, folder status, batched message listing, reading and appending. Plain Java on purpose:
 * no Jakarta Mail or OSGi types, so the engine can run (and be tested) outside any framework.
 */
package org.mailmigrator.core.mail;
