package org.mailmigrator.connector.files.internal;

import java.nio.file.Path;

/**
 * One folder found in a tree of mail files: its name ({@code /} separated, the top mailbox {@code INBOX}), what
 * holds its messages and where.
 *
 * @param path the mbox file, the Maildir folder or the directory of .eml files; null for a folder that only holds
 *     others (a Thunderbird {@code X.sbd} without an {@code X} file)
 */
record TreeFolder(String name, Kind kind, Path path) {
    enum Kind {
        MBOX, MAILDIR, EML, PARENT
    }
}
