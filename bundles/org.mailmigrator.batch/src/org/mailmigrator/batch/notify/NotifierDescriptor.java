package org.mailmigrator.batch.notify;

/** A contributed notifier as declared: id, name shown to people, and the contributing bundle. */
public record NotifierDescriptor(String id, String name, String contributor) {
}
