package org.mailmigrator.connector.ews.internal;

import java.util.Optional;

import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;

/**
 * Which mailbox the well-known folders are those of: the signed-in account's own (or, with impersonation, the
 * impersonated one's: Exchange acts as that user), or with Full Access delegation ({@code access=fullaccess}) another
 * mailbox, named in each {@code DistinguishedFolderId} by its {@code <t:Mailbox>} (docs/ews-source.md). The folders
 * found below them have ids of their own that need no mailbox.
 */
record Mailboxes(Optional<String> delegated) {
    static final Mailboxes OWN = new Mailboxes(Optional.empty());

    FolderId folder(WellKnownFolderName name) {
        return delegated.map(m -> new FolderId(name, new Mailbox(m))).orElseGet(() -> new FolderId(name));
    }
}
