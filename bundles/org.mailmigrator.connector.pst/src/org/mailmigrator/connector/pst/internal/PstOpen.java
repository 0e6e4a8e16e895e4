package org.mailmigrator.connector.pst.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

import com.pff.PSTFile;

/**
 * Opens an Outlook data file: recognised by its signature {@code !BDN}; a file shorter than its header says
 * (truncated), one java-libpst cannot read (damaged) or one protected by a password is refused with a message
 * naming the file. The folder tree is read here, so that a damaged index is found before anything is copied.
 */
public final class PstOpen {
    private static final byte[] MAGIC = {'!', 'B', 'D', 'N'};

    private PstOpen() {
    }

    /** Whether the file starts with the PST signature. */
    public static boolean isPst(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(MAGIC, in.readNBytes(4));
        } catch (IOException e) {
            return false;
        }
    }

    /** A session offering the file's {@link MailStore} and {@link PimReader}; closing it closes the file. */
    public static ConnectorSession session(Path path) throws ConnectorException {
        return session(path, "all");
    }

    /** @param read which calendar/contact folders the PimReader offers: {@code all}, {@code calendars} (appointments and tasks) or {@code contacts} */
    public static ConnectorSession session(Path path, String read) throws ConnectorException {
        PstStore store = open(path);
        return new ConnectorSession() {
            @Override
            public <T> Optional<T> capability(Class<T> asked) {
                if (asked == MailStore.class) {
                    return Optional.of(asked.cast(store));
                }
                return asked == PimReader.class ? Optional.of(asked.cast(new PstPimReader(store, read))) : Optional.empty();
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    static PstStore open(Path path) throws ConnectorException {
        if (!Files.exists(path)) {
            throw failure(path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw failure(path + " is not a file: give the .pst or .ost file itself");
        }
        if (!isPst(path)) {
            throw failure(path + " is not an Outlook data file (.pst/.ost): it does not start with the signature '!BDN'");
        }
        truncated(path);
        PSTFile pst;
        try {
            pst = new PSTFile(path.toFile());
        } catch (Exception | StackOverflowError e) {
            throw damaged(path, e);
        }
        try {
            if (pst.getMessageStore().isPasswordProtected()) {
                throw failure(path + " is protected by a password: remove the password in Outlook (Account Settings,"
                        + " Data Files, Settings, Change Password) and try again; this reader does not open protected files");
            }
            return new PstStore(path, pst, PstTree.read(path, pst));
        } catch (ConnectorException e) {
            closeQuietly(pst);
            throw e;
        } catch (Exception | StackOverflowError e) {
            closeQuietly(pst);
            throw damaged(path, e);
        }
    }

    /** The header's end-of-file offset against the file's size: a cut copy is named as such. */
    private static void truncated(Path path) throws ConnectorException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(0xC0);
            if (head.length < 0xC0) {
                throw failure(path + " is a truncated Outlook data file: " + head.length + " bytes, not even its header");
            }
            ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            int version = b.getShort(10) & 0xffff;
            long eof = version >= 23 ? b.getLong(0xB8) : b.getInt(0xA8) & 0xffffffffL;
            long size = Files.size(path);
            if (eof > size) {
                throw failure(path + " is a truncated Outlook data file: its header says " + eof + " bytes, the file has "
                        + size + " (an interrupted copy?)");
            }
        } catch (IOException e) {
            throw failure(path + " cannot be read: " + e.getMessage());
        }
    }

    static ConnectorException damaged(Path path, Throwable e) {
        return failure(path + " is a damaged Outlook data file (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); repair it with Outlook's Inbox Repair Tool (scanpst.exe) and try again");
    }

    static void closeQuietly(PSTFile pst) {
        try {
            pst.close();
        } catch (IOException e) {
            // closing a file only read
        }
    }

    private static ConnectorException failure(String message) {
        return new ConnectorException.AccountFailure(message, null);
    }
}
