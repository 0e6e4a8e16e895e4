package org.mailmigrator.connector.files.internal;

import java.nio.file.Path;

/**
 * One folder found in a tree of mail files: its name ({@code /} separated, the top mailbox {@code INBOX}), what
 * holds its messages and where.
 *
 * @param path the mbox file, the Maildir folder, the directory of .eml/.emlx files or the MH folder; null for a folder that only holds
 *     others (a Thunderbird {@code X.sbd} without an {@code X} file)
 */
record TreeFolder(String name, Kind kind, Path path) {
    enum Kind {
        MBOX, MAILDIR, EML, MH,
        /** An Apple Mail {@code NAME.mbox} directory of its live store: .emlx files anywhere below it. */
        APPLE, PARENT
    }
}
