package org.mailmigrator.connector.ews.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.FolderChange;

/**
 * A mail source's folder tree kept between passes (docs/ews-source.md, "Folder tree"): every folder below the root
 * (msgfolderroot, or the online archive's root) with its parent, display name and class, the ids of the root, the
 * Inbox and the special folders, and the SyncFolderHierarchy state the tree is current at, packed into the engine's
 * hierarchy token ({@code MailStore#hierarchyToken}: deflated, base64). A pass given a token asks one
 * SyncFolderHierarchy from its state and applies the changes (a folder created, renamed or moved, deleted) to the
 * tree it carries; no FindFolder and no GetFolder of the well-known folders. A token of another mailbox or setting
 * ({@code scope}), or one that cannot be read, counts as none.
 */
final class FolderHierarchy {
    private static final String PREFIX = "ews-tree-1:";
    /** What each folder of a SyncFolderHierarchy answer carries. */
    static final PropertySet SHAPE = new PropertySet(BasePropertySet.IdOnly, FolderSchema.ParentFolderId,
            FolderSchema.DisplayName, FolderSchema.FolderClass);

    /** One folder: its parent's id, display name and class (null when it has none). */
    record Entry(String parent, String name, String folderClass) {
    }

    /**
     * A tree: the mailbox and settings it is of ({@code scope}), the SyncFolderHierarchy state it is current at (null
     * for a tree listed with FindFolder), the root's and the Inbox's ids ("" without an Inbox: the archive), the special
     * folders' attributes by id, and every folder below the root by id.
     */
    record Snapshot(String scope, String state, String root, String inbox, Map<String, String> special,
            Map<String, Entry> folders) {

        /** The token the engine keeps for the next pass. */
        String token() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
                out.writeInt(1);
                for (String s : new String[] { scope, state, root, inbox }) {
                    write(out, s);
                }
                out.writeInt(special.size());
                for (Map.Entry<String, String> s : special.entrySet()) {
                    write(out, s.getKey());
                    write(out, s.getValue());
                }
                out.writeInt(folders.size());
                for (Map.Entry<String, Entry> f : folders.entrySet()) {
                    write(out, f.getKey());
                    write(out, f.getValue().parent());
                    write(out, f.getValue().name());
                    write(out, f.getValue().folderClass());
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory", e);
            }
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
        }

        /** The tree a token carries, when it is one of this scope that can be read. */
        static Optional<Snapshot> of(String token, String scope) {
            if (token == null || !token.startsWith(PREFIX)) {
                return Optional.empty();
            }
            try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(
                    Base64.getUrlDecoder().decode(token.substring(PREFIX.length())))))) {
                if (in.readInt() != 1 || !scope.equals(read(in))) {
                    return Optional.empty();
                }
                String state = read(in);
                String root = read(in);
                String inbox = read(in);
                Map<String, String> special = new LinkedHashMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    special.put(read(in), read(in));
                }
                Map<String, Entry> folders = new LinkedHashMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    folders.put(read(in), new Entry(read(in), read(in), read(in)));
                }
                return state == null || root == null ? Optional.empty()
                        : Optional.of(new Snapshot(scope, state, root, inbox, special, folders));
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // damaged: the tree is read again
            }
        }

        private static void write(DataOutputStream out, String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        private static String read(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            if (n > 1 << 24) {
                throw new IOException("a field of " + n + " bytes");
            }
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }
    }

    /** A tree brought up to date, and whether anything changed in it. */
    record Synced(Snapshot tree, boolean changed) {
    }

    private FolderHierarchy() {
    }

    /**
     * {@code from} brought up to date with SyncFolderHierarchy from its state (from none when it has none: every folder
     * below the root arrives as created), each request through the mailbox's {@link SyncGate}.
     */
    static Synced sync(ExchangeService service, SyncGate gate, Snapshot from) throws Exception {
        Map<String, Entry> folders = new LinkedHashMap<>(from.folders());
        String state = from.state();
        boolean changed = false;
        for (;;) {
            String at = state;
            ChangeCollection<FolderChange> page = gate.run(() -> service.syncFolderHierarchy(new FolderId(from.root()),
                    SHAPE, at));
            for (FolderChange c : page) {
                changed = true;
                if (c.getChangeType() == ChangeType.Delete) {
                    folders.remove(c.getFolderId().getUniqueId());
                } else {
                    Folder f = c.getFolder();
                    folders.put(f.getId().getUniqueId(), new Entry(f.getParentFolderId().getUniqueId(),
                            f.getDisplayName(), f.getFolderClass()));
                }
            }
            state = page.getSyncState();
            if (!page.getMoreChangesAvailable() || page.getCount() == 0) {
                break;
            }
        }
        prune(folders, from.root());
        return new Synced(new Snapshot(from.scope(), state, from.root(), from.inbox(), from.special(), folders), changed);
    }

    /** Drops the folders no longer below the root (below a folder deleted or moved out of the tree). */
    private static void prune(Map<String, Entry> folders, String root) {
        Set<String> reached = new HashSet<>();
        reached.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Entry> f : folders.entrySet()) {
                if (!reached.contains(f.getKey()) && reached.contains(f.getValue().parent())) {
                    reached.add(f.getKey());
                    grew = true;
                }
            }
        }
        folders.keySet().retainAll(reached);
    }
}
