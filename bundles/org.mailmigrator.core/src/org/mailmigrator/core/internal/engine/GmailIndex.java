package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.spi.ConnectorException;

/**
 * Where each Gmail message (X-GM-MSGID) sits on the source: read before copying, one FETCH per folder of the plan
 * (including those that become no folder: Starred, Important, labels kept as keywords), ids only. A message in
 * INBOX with two labels has four places: INBOX, both label folders and All Mail.
 */
final class GmailIndex {
    /** One message in one source folder. */
    record Place(String folder, String id) {
    }

    private final Map<String, Map<String, String>> byFolder = new HashMap<>();
    private final Map<String, List<Place>> byMessage = new LinkedHashMap<>();

    /** Reads the ids of every folder of {@code plan} that holds messages on the source. */
    static GmailIndex read(MailStore source, List<FolderPlan> plan, List<MailFolder> sourceFolders)
            throws ConnectorException {
        Set<String> selectable = new java.util.HashSet<>();
        sourceFolders.stream().filter(MailFolder::selectable).forEach(f -> selectable.add(f.name()));
        GmailIndex index = new GmailIndex();
        for (FolderPlan p : plan) {
            if (!selectable.contains(p.source())) {
                continue;
            }
            try (Mailbox box = source.open(p.source(), false)) {
                Map<String, String> ids = box.gmailMessageIds().orElseThrow(() -> new ConnectorException.AccountFailure(
                        "the source announces Gmail's extensions (X-GM-EXT-1) but gave no message ids (X-GM-MSGID) in '"
                                + p.source() + "'", ConnectorException.AccountFailure.Reason.CONFIGURATION, null));
                index.add(p.source(), ids);
            } catch (ConnectorException.ItemFailure e) {
                // a folder the server refuses to select: left out of the index (its messages are then copied where
                // they are found); its sync meets the same refusal and reports it
            }
        }
        return index;
    }

    void add(String folder, Map<String, String> ids) {
        byFolder.put(folder, new HashMap<>(ids));
        ids.forEach((id, gmid) -> byMessage.computeIfAbsent(gmid, k -> new ArrayList<>()).add(new Place(folder, id)));
    }

    /** The X-GM-MSGID of a message of a source folder; null when it came after the index was read. */
    String gmailId(String folder, String id) {
        Map<String, String> m = byFolder.get(folder);
        return m == null ? null : m.get(id);
    }

    /** Whether the folder's ids were read whole (a folder the server refused to select was not). */
    boolean listed(String folder) {
        return byFolder.containsKey(folder);
    }

    /** Every source folder holding the message, with its id there. */
    List<Place> places(String gmailId) {
        return byMessage.getOrDefault(gmailId, List.of());
    }

    Set<String> messages() {
        return byMessage.keySet();
    }
}
