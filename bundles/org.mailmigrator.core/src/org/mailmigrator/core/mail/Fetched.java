package org.mailmigrator.core.mail;

/** A message fetched from a source: what was listed about it and its bytes (valid during the callback only). */
public record Fetched(MessageInfo info, MessageBody body) {
}
