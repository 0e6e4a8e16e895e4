package org.mailmigrator.connector.pst.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.pff.PSTException;
import com.pff.PSTFile;
import com.pff.PSTFolder;

/**
 * The folders of a PST below its IPM subtree ("Top of Personal Folders" / "Top of Information Store"), as
 * {@code /}-separated names: the root's internal folders (search root, views, free/busy) are not mail and are
 * left out. The Inbox is {@code INBOX}; Sent Items, Deleted Items and Drafts are found by the entry ids the store
 * and the root folder give them, else (and Junk E-mail always) by their English or a few localized names, and
 * carry the RFC 6154 attribute the engine maps special folders with. Folders of contacts, appointments, tasks,
 * notes and journal entries are {@code \Noselect}: their items are not mail. A '/' inside a name becomes '_'.
 */
final class PstTree {
    /** One folder: its name, node id, whether it holds mail, its attributes, item count and container class. */
    record Node(String name, long nid, boolean mail, Set<String> attributes, int count, String containerClass) {
    }

    private static final Set<String> INBOX = Set.of("inbox", "posteingang", "boîte de réception", "bandeja de entrada",
            "posta in arrivo", "postvak in", "caixa de entrada", "inkorgen", "indbakke", "innboks", "saapuneet");
    private static final Map<String, String> NAMED = names();

    private PstTree() {
    }

    private static Map<String, String> names() {
        Map<String, String> m = new HashMap<>();
        for (String s : List.of("sent items", "sent", "sent messages", "gesendete elemente", "éléments envoyés",
                "elementos enviados", "posta inviata", "verzonden items", "itens enviados", "skickat")) {
            m.put(s, "\\Sent");
        }
        for (String s : List.of("deleted items", "trash", "gelöschte elemente", "éléments supprimés",
                "elementos eliminados", "posta eliminata", "verwijderde items", "itens excluídos", "borttaget")) {
            m.put(s, "\\Trash");
        }
        for (String s : List.of("drafts", "entwürfe", "brouillons", "borradores", "bozze", "concepten", "rascunhos",
                "utkast")) {
            m.put(s, "\\Drafts");
        }
        for (String s : List.of("junk e-mail", "junk email", "junk", "spam", "junk-e-mail", "courrier indésirable",
                "correo no deseado", "posta indesiderata", "ongewenste e-mail", "lixo eletrônico", "skräppost")) {
            m.put(s, "\\Junk");
        }
        return m;
    }

    static List<Node> read(Path path, PSTFile pst) throws PSTException, IOException {
        PSTFolder root = pst.getRootFolder();
        StoreProperties store = new StoreProperties(pst, pst.getMessageStore().getDescriptorNode());
        Map<Long, String> roles = new HashMap<>();
        store.folder(StoreProperties.SENT_MAIL).ifPresent(n -> roles.put(n, "\\Sent"));
        store.folder(StoreProperties.WASTEBASKET).ifPresent(n -> roles.put(n, "\\Trash"));
        new StoreProperties(pst, root.getDescriptorNode()).folder(StoreProperties.DRAFTS).ifPresent(n -> roles.put(n, "\\Drafts"));
        PSTFolder top = ipmSubtree(root, store.folder(StoreProperties.IPM_SUBTREE));
        List<Node> out = new ArrayList<>();
        walk(top, "", roles, out);
        return out;
    }

    private static PSTFolder ipmSubtree(PSTFolder root, OptionalLong nid) throws PSTException, IOException {
        List<PSTFolder> children = root.getSubFolders();
        for (PSTFolder f : children) {
            if (nid.isPresent() && f.getDescriptorNodeId() == nid.getAsLong()) {
                return f;
            }
        }
        for (PSTFolder f : children) {
            if (f.getDisplayName().toLowerCase(Locale.ROOT).startsWith("top of ")) {
                return f;
            }
        }
        return root;
    }

    private static void walk(PSTFolder parent, String prefix, Map<Long, String> roles, List<Node> out)
            throws PSTException, IOException {
        for (PSTFolder f : parent.getSubFolders()) {
            String display = f.getDisplayName().replace('/', '_');
            String lower = display.toLowerCase(Locale.ROOT);
            if (prefix.isEmpty() && parent.getDescriptorNodeId() == 0x122 && internal(lower)) {
                continue; // the root itself was the subtree: skip its internal folders
            }
            boolean inbox = prefix.isEmpty() && INBOX.contains(lower) && out.stream().noneMatch(n -> n.name().equals("INBOX"));
            String name = inbox ? "INBOX" : prefix + display;
            boolean mail = mail(f.getContainerClass());
            Set<String> attributes = Set.of();
            if (!mail) {
                attributes = Set.of("\\Noselect");
            } else if (!inbox) {
                String role = roles.get(f.getDescriptorNodeId());
                if (role == null && prefix.isEmpty()) {
                    role = NAMED.get(lower);
                }
                attributes = role == null ? Set.of() : Set.of(role);
            }
            out.add(new Node(name, f.getDescriptorNodeId(), mail, attributes, f.getContentCount(),
                    f.getContainerClass() == null ? "" : f.getContainerClass()));
            if (f.hasSubfolders()) {
                walk(f, name + "/", roles, out);
            }
        }
    }

    private static boolean internal(String lower) {
        return lower.startsWith("search root") || lower.startsWith("ipm_") || lower.startsWith("spam search folder")
                || lower.equals("freebusy data") || lower.equals("finder") || lower.equals("reminders")
                || lower.equals("tracked mail processing") || lower.equals("to-do search");
    }

    /** Mail folders: no container class (older files) or {@code IPF.Note...}, {@code IPF.Imap}. */
    static boolean mail(String containerClass) {
        if (containerClass == null || containerClass.isBlank()) {
            return true;
        }
        String c = containerClass.toUpperCase(Locale.ROOT);
        return c.startsWith("IPF.NOTE") || c.startsWith("IPF.IMAP") || c.equals("IPF");
    }
}
