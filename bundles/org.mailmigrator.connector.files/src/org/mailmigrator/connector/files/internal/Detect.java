package org.mailmigrator.connector.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Recognises mail files from their content, or opens them in the format asked: a file starting with {@code From }
 * is an mbox, a Google Takeout one when its first message carries {@code X-Gmail-Labels}; a directory with cur/
 * and new/ is a Maildir(++); a directory holding Apple Mail {@code .emlx} files is Mail's own store (read by the
 * .eml walker); a directory holding mbox files, {@code .sbd} or {@code .mbox} folders is an mbox tree (Thunderbird,
 * Apple Mail exports); a directory holding {@code .eml} files is a folder of .eml files; one holding
 * {@code .mh_sequences} or numbered message files is an MH folder tree.
 */
public final class Detect {
    private Detect() {
    }

    /** The store of {@code path}; {@code format}: auto, mbox, maildir, eml (also .emlx), mh or takeout. */
    public static MailStore open(Path path, String format, boolean unquote) throws ConnectorException {
        if (!Files.exists(path)) {
            throw failure(path + " does not exist");
        }
        try {
            String f = format == null || format.isBlank() ? "auto" : format.toLowerCase(Locale.ROOT);
            if (f.equals("auto")) {
                f = recognise(path);
            }
            return switch (f) {
            case "takeout" -> {
                if (!Files.isRegularFile(path)) {
                    throw failure(path + " is not a file: a Google Takeout archive is one .mbox file");
                }
                yield new TakeoutStore(path, unquote);
            }
            case "mbox" -> new FilesStore(MboxTree.folders(path), unquote);
            case "maildir" -> {
                if (!MaildirTree.isMaildir(path)) {
                    throw failure(path + " is not a Maildir (no cur/ and new/ folders in it)");
                }
                yield new FilesStore(MaildirTree.folders(path), unquote);
            }
            case "eml" -> {
                if (!Files.isDirectory(path)) {
                    throw failure(path + " is not a folder: give the folder holding the .eml or .emlx files");
                }
                yield new FilesStore(EmlTree.folders(path), unquote);
            }
            case "mh" -> {
                if (!Files.isDirectory(path)) {
                    throw failure(path + " is not a folder: give the MH mail folder (nmh's ~/Mail)");
                }
                yield new FilesStore(MhTree.folders(path), unquote);
            }
            default -> throw failure("unknown format '" + format + "': auto, mbox, maildir, eml, mh or takeout");
            };
        } catch (IOException e) {
            throw failure("reading " + path + ": " + e.getMessage());
        }
    }

    static String recognise(Path path) throws IOException, ConnectorException {
        if (Files.isRegularFile(path)) {
            if (!MboxTree.isMbox(path)) {
                throw failure(path + " is not an mbox file (it does not start with 'From '); use format=eml for a"
                        + " folder of .eml files");
            }
            return takeout(path) ? "takeout" : "mbox";
        }
        if (MaildirTree.isMaildir(path)) {
            return "maildir";
        }
        if (EmlTree.holdsEmlx(path)) {
            return "eml"; // Apple Mail's store: its NAME.mbox folders hold .emlx files, not an mbox file
        }
        try (Stream<Path> s = Files.list(path)) {
            if (s.anyMatch(p -> p.getFileName().toString().endsWith(".sbd") || p.getFileName().toString().endsWith(".mbox")
                    || !p.getFileName().toString().startsWith(".") && MboxTree.isMbox(p) && sized(p))) {
                return "mbox";
            }
        }
        if (EmlTree.holdsEml(path)) {
            return "eml";
        }
        if (MhTree.holdsMh(path)) {
            return "mh";
        }
        throw failure(path + " holds no mail files this reader knows (an mbox file or tree, a Maildir, .eml or .emlx"
                + " files, MH folders)");
    }

    private static boolean sized(Path p) {
        try {
            return Files.size(p) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the first message's header has an {@code X-Gmail-Labels} field. */
    static boolean takeout(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(1 << 16), StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\n\n");
            int crlfEnd = head.indexOf("\r\n\r\n");
            int stop = end < 0 ? (crlfEnd < 0 ? head.length() : crlfEnd) : (crlfEnd < 0 ? end : Math.min(end, crlfEnd));
            return head.substring(0, stop).toLowerCase(Locale.ROOT).contains("\nx-gmail-labels:");
        }
    }

    private static ConnectorException failure(String message) {
        return new ConnectorException.AccountFailure(message, null);
    }
}
