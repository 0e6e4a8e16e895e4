package org.mailmigrator.batch.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.mail.Quota;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.spi.ConnectorSession;

/**
 * Checks one account pair before data moves: log in on both sides, read each side's capabilities, the
 * destination's APPENDLIMIT and quota, list the source folders with their message counts and sizes, find the
 * largest message and compare it with the limit, and the source's size with the quota left. Every problem
 * becomes a line of the fix list, in words an administrator can act on.
 */
public final class Preflight {
    private Preflight() {
    }

    public static PreflightResult check(String id, SessionFactory source, SessionFactory destination) {
        List<String> fixes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<Long> limit = Optional.empty();
        List<String> dstCaps = List.of();
        List<Quota> quota = List.of();
        try (ConnectorSession d = destination.open()) {
            MailStore store = d.capability(MailStore.class).orElse(null);
            if (store == null) {
                fixes.add("the destination connector does not offer mail folders");
            } else {
                limit = store.appendLimit();
                dstCaps = store.capabilities();
                // the INBOX's quota root is the account's on every server met; other roots are per folder
                quota = store.quotas("INBOX");
                notes.add("destination: logged in, " + store.folders().size() + " folder(s), APPENDLIMIT "
                        + limit.map(String::valueOf).orElse("not announced"));
                store.link().ifPresent(l -> notes.add("destination link: " + l));
            }
        } catch (ConnectorException e) {
            fixes.add("destination: " + advice(e));
        }
        Scan scan = new Scan();
        List<String> srcCaps = List.of();
        try (ConnectorSession s = source.open()) {
            MailStore store = s.capability(MailStore.class).orElseThrow(
                    () -> new ConnectorException.AccountFailure("the source connector does not offer mail folders", null));
            srcCaps = store.capabilities();
            scan.run(store, limit);
            notes.add("source: logged in, " + scan.folders + " folder(s), " + scan.messages + " message(s), "
                    + scan.bytes + " bytes");
            store.link().ifPresent(l -> notes.add("source link: " + l));
        } catch (ConnectorException e) {
            fixes.add("source: " + advice(e));
        }
        if (scan.overLimit > 0) {
            fixes.add("largest message " + scan.largest + " bytes is over the destination's limit " + limit.get()
                    + " (APPENDLIMIT; " + scan.overLimit + " message(s) over it, the largest in '" + scan.largestFolder
                    + "'): raise the limit or accept that they will be skipped");
        }
        quotaFixes(quota, scan, fixes);
        if (quota.isEmpty()) {
            notes.add("destination quota: not offered by the server");
        }
        return new PreflightResult(id, scan.folders, scan.messages, scan.bytes, scan.largest, scan.largestFolder, limit,
                srcCaps, dstCaps, quota, fixes, notes);
    }

    /**
     * Compares the source with what the destination's quota leaves. Messages an earlier pass already copied
     * count twice here (in the usage and in the source); the fix says so rather than guessing.
     */
    private static void quotaFixes(List<Quota> quota, Scan scan, List<String> fixes) {
        for (Quota q : quota) {
            if (q.storage() && scan.bytes > q.free() * 1024) {
                fixes.add("the source holds " + scan.bytes + " bytes but the destination's quota " + q + " leaves "
                        + q.free() * 1024 + " bytes free: raise the quota or exclude folders"
                        + (q.usage() > 0 ? " (messages copied by an earlier pass are counted in both)" : ""));
            } else if (Quota.MESSAGE.equalsIgnoreCase(q.resource()) && scan.messages > q.free()) {
                fixes.add("the source holds " + scan.messages + " message(s) but the destination's quota " + q
                        + " leaves room for " + q.free() + ": raise the quota or exclude folders");
            }
        }
    }

    /**
     * Walks the source's selectable folders once: their counts in one burst ({@link MailStore#statuses}), then the
     * sizes of the messages of each folder that holds some ({@link Mailbox#sizes}: one listing, no details), so that
     * an IMAP pre-flight costs about three round trips a folder (select, listing, close), where a STATUS per folder,
     * a listing of sizes and one of flags, and every message's details in batches cost twice as many.
     */
    private static final class Scan {
        int folders;
        long messages;
        long bytes;
        long largest;
        String largestFolder = "";
        long overLimit;

        void run(MailStore store, Optional<Long> limit) throws ConnectorException {
            List<String> names = store.folders().stream().filter(MailFolder::selectable).map(MailFolder::name).toList();
            folders = names.size();
            for (Map.Entry<String, Optional<FolderStatus>> e : store.statuses(names).entrySet()) {
                if (e.getValue().isEmpty() || e.getValue().get().messages() == 0) {
                    continue;
                }
                messages += e.getValue().get().messages();
                try (Mailbox box = store.open(e.getKey(), false)) {
                    for (long size : box.sizes().values()) {
                        bytes += size;
                        if (size > largest) {
                            largest = size;
                            largestFolder = e.getKey();
                        }
                        if (limit.isPresent() && size > limit.get()) {
                            overLimit++;
                        }
                    }
                }
            }
        }
    }

    private static String advice(ConnectorException e) {
        if (e instanceof ConnectorException.AccountFailure a) {
            return switch (a.reason()) {
                case AUTHENTICATION -> "login refused (" + e.getMessage() + "): check the login and password";
                case CONNECTION -> "cannot connect (" + e.getMessage() + "): check the server, port and firewall";
                case CERTIFICATE -> "certificate not trusted (" + e.getMessage() + "): pin its SHA-256 fingerprint (--trust-sha256, or the workbench's Preferences > Mail Migrator)";
                case CONFIGURATION -> e.getMessage();
            };
        }
        return e.getMessage() + " (temporary: run the pre-flight again)";
    }
}
