/**
 * Exchange through ews-java-api: the mailbox as a mail destination (folders under msgfolderroot, messages created
 * from their MIME bytes and known by their Exchange ItemIds, the folder's id as epoch and the newest creation
 * time as position), and events, recurrences, occurrences, tasks and contacts written or updated in place with
 * invitations disabled; ews-java-api's exceptions become typed connector failures.
 * <p>
 * Uses the core SPI, model, mail and pim packages, ews-java-api and ez-vcard. Only this bundle and its tests
 * ({@code x-friends}) may use it.
 */
package org.mailmigrator.connector.ews.internal;
