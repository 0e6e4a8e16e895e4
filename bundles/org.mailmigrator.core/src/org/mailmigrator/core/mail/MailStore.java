package org.mailmigrator.core.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailmigrator.core.spi.ConnectorException;

/**
 * A mail account's folders, offered by a connector session through
 * {@code session.capability(MailStore.class)}. A store is used by one thread at a time.
 */
public interface MailStore {

    Namespace personalNamespace() throws ConnectorException;

    /** Every folder, subscribed or not, including {@code \Noselect} parents. */
    List<MailFolder> folders() throws ConnectorException;

    /**
     * {@link #folders()} for a connector that brings a folder tree it listed before up to date from a synchronisation
     * state instead of listing it again (Exchange SyncFolderHierarchy): {@code knownHierarchyToken} is the
     * {@link #hierarchyToken()} the engine kept after the last pass (null when none). By default the token is ignored.
     */
    default List<MailFolder> folders(String knownHierarchyToken) throws ConnectorException {
        return folders();
    }

    /**
     * After {@link #folders(String)}: the token of the folder tree it answered, for the engine to keep and hand back at
     * the next pass; null (the default) when the connector keeps none.
     */
    default String hierarchyToken() {
        return null;
    }

    /** The status of a folder without selecting it (one round trip); empty when the folder does not exist. */
    Optional<FolderStatus> status(String folder) throws ConnectorException;

    /**
     * The status of a folder for a connector whose change token is a synchronisation state that only moves forward
     * from the last one its caller kept (an Exchange SyncFolderItems state): {@code knownChangeToken} is the token the
     * engine stored after the last complete pass of this folder (null when none). A connector answers the same token
     * when nothing changed since, so that the engine skips the folder. The folder {@link #open}ed next carries the
     * same token in its status. By default the token is ignored ({@link #status(String)}).
     */
    default Optional<FolderStatus> status(String folder, String knownChangeToken) throws ConnectorException {
        return status(folder);
    }

    /**
     * The status of each of {@code folders} as {@link #status} gives it (empty for one that does not exist), in
     * as few round trips as the protocol allows: IMAP sends the STATUS commands in one burst. The default asks
     * one folder after the other.
     */
    default Map<String, Optional<FolderStatus>> statuses(List<String> folders) throws ConnectorException {
        Map<String, Optional<FolderStatus>> out = new LinkedHashMap<>();
        for (String f : folders) {
            out.put(f, status(f));
        }
        return out;
    }

    /**
     * {@link #statuses(List)} with, for each folder that has one, the change token the engine stored after the last
     * complete pass of that folder ({@code knownChangeTokens}; a folder not in it has none), for a connector whose change
     * token is a synchronisation state ({@link #status(String, String)}): it answers the known token for a folder
     * where nothing changed, so that the engine's quick check skips the folder. By default the tokens are ignored, as
     * {@link #status(String, String)} ignores its own (IMAP keeps its one burst of STATUS commands).
     */
    default Map<String, Optional<FolderStatus>> statuses(List<String> folders, Map<String, String> knownChangeTokens)
            throws ConnectorException {
        return statuses(folders);
    }

    /**
     * Whether {@link #statuses(List)} asks every folder at once (IMAP's pipelined STATUS: one round trip). When both
     * sides do, the engine also asks the folders it keeps no change token for, to settle without opening them those the
     * source holds no message in; a connector that asks one folder after the other would pay more than that saves.
     * Default false.
     */
    default boolean statusesInOneBurst() {
        return false;
    }

    /** Creates a folder (and its missing parents); {@code holdsMessages=false} makes a pure parent. */
    void create(String folder, boolean holdsMessages) throws ConnectorException;

    /**
     * Subscribes a folder.
     *
     * @throws ConnectorException.ItemFailure when the server refuses (the run goes on with a warning)
     */
    void subscribe(String folder) throws ConnectorException;

    /**
     * Creates folders that hold messages (and their missing parents), in as few round trips as the protocol
     * allows: IMAP sends the CREATEs in bursts, parents before children. The default creates one after the other.
     */
    default void createAll(List<String> folders) throws ConnectorException {
        for (String f : folders) {
            create(f, true);
        }
    }

    /**
     * Subscribes folders in as few round trips as the protocol allows (IMAP: one burst), answering the refusal of
     * each folder the server refused (the run goes on with a warning). The default subscribes one after the other.
     */
    default Map<String, ConnectorException.ItemFailure> subscribeAll(List<String> folders) throws ConnectorException {
        Map<String, ConnectorException.ItemFailure> refused = new LinkedHashMap<>();
        for (String f : folders) {
            try {
                subscribe(f);
            } catch (ConnectorException.ItemFailure e) {
                refused.put(f, e);
            }
        }
        return refused;
    }

    /** Selects a folder, read-only or for writing. */
    Mailbox open(String folder, boolean write) throws ConnectorException;

    /** The largest message the server accepts (APPENDLIMIT), when it says. */
    Optional<Long> appendLimit();

    /**
     * What the server announces it can do after login (IMAP CAPABILITY), as it spells it; empty for
     * protocols without such a list. Shown by pre-flight checks so an administrator sees the missing ones.
     */
    default List<String> capabilities() throws ConnectorException {
        return List.of();
    }

    /**
     * How this session's link is carried beyond the protocol itself, in words for pre-flight notes and the run's
     * log (IMAP: whether COMPRESS=DEFLATE is on, and why); empty when there is nothing to say.
     */
    default Optional<String> link() {
        return Optional.empty();
    }

    /**
     * The round trip to the server as this session's connector measured it so far (IMAP: its quickest small command,
     * the server's think time included); empty when not measured. The engine copies more folders at once over a slow
     * link ({@link org.mailmigrator.core.engine.MigrationSettings#PARALLELISM_BY_LINK}).
     */
    default Optional<java.time.Duration> roundTrip() {
        return Optional.empty();
    }

    /**
     * The quotas that apply to a folder (IMAP GETQUOTAROOT), one entry per resource of each quota root;
     * empty when the server offers no quota information.
     */
    default List<Quota> quotas(String folder) throws ConnectorException {
        return List.of();
    }
}
