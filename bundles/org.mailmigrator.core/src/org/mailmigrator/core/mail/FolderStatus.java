package org.mailmigrator.core.mail;

/**
 * What a server says about a folder without sending its messages. {@code highestModSeq} is 0 when the
 * server does not offer CONDSTORE; then every run must list the folder's flags to find changes.
 */
public record FolderStatus(long uidValidity, long uidNext, long messages, long highestModSeq) {
}
