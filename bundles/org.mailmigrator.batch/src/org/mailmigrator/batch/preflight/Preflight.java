package org.mailmigrator.batch.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.MessageInfo;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Checks one account pair before data moves: log in on both sides, list the source folders with their
 * message counts and sizes, find the largest message and compare it with the destination's APPENDLIMIT.
 * Every problem becomes a line of the fix list, in words an administrator can act on.
 */
public final class Preflight {
    private Preflight() {
    }

    public static PreflightResult check(String id, SessionFactory source, SessionFactory destination) {
        List<String> fixes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<Long> limit = Optional.empty();
        try (ConnectorSession d = destination.open()) {
            MailStore store = d.capability(MailStore.class).orElse(null);
            if (store == null) {
                fixes.add("the destination connector does not offer mail folders");
            } else {
                limit = store.appendLimit();
                notes.add("destination: logged in, " + store.folders().size() + " folder(s), APPENDLIMIT "
                        + limit.map(String::valueOf).orElse("not announced"));
            }
        } catch (ConnectorException e) {
            fixes.add("destination: " + advice(e));
        }
        int folders = 0;
        long messages = 0;
        long bytes = 0;
        long largest = 0;
        String largestFolder = "";
        long overLimit = 0;
        try (ConnectorSession s = source.open()) {
            MailStore store = s.capability(MailStore.class).orElseThrow(
                    () -> new ConnectorException.AccountFailure("the source connector does not offer mail folders", null));
            for (MailFolder f : store.folders()) {
                if (!f.selectable()) {
                    continue;
                }
                folders++;
                Optional<FolderStatus> st = store.status(f.name());
                if (st.isEmpty() || st.get().messages() == 0) {
                    continue;
                }
                messages += st.get().messages();
                try (Mailbox box = store.open(f.name(), false)) {
                    bytes += box.totalBytes();
                    List<Long> uids = box.list(1, 0).stream().map(MessageInfo::uid).toList();
                    for (MessageInfo m : box.details(uids)) {
                        if (m.size() > largest) {
                            largest = m.size();
                            largestFolder = f.name();
                        }
                        if (limit.isPresent() && m.size() > limit.get()) {
                            overLimit++;
                        }
                    }
                }
            }
            notes.add("source: logged in, " + folders + " folder(s), " + messages + " message(s), " + bytes + " bytes");
        } catch (ConnectorException e) {
            fixes.add("source: " + advice(e));
        }
        if (overLimit > 0) {
            fixes.add(overLimit + " message(s) exceed the destination's APPENDLIMIT of " + limit.get()
                    + " bytes and will be skipped (largest " + largest + " bytes in '" + largestFolder
                    + "'): raise the limit or accept the skips");
        }
        notes.add("quota: not checked (the connector API does not report quotas yet)");
        return new PreflightResult(id, folders, messages, bytes, largest, largestFolder, limit, fixes, notes);
    }

    private static String advice(ConnectorException e) {
        if (e instanceof ConnectorException.AccountFailure a) {
            return switch (a.reason()) {
                case AUTHENTICATION -> "login refused (" + e.getMessage() + "): check the login and password";
                case CONNECTION -> "cannot connect (" + e.getMessage() + "): check the server, port and firewall";
                case CERTIFICATE -> "certificate not trusted (" + e.getMessage() + "): pin it with --trust-sha256";
                case CONFIGURATION -> e.getMessage();
            };
        }
        return e.getMessage() + " (temporary: run the pre-flight again)";
    }
}
