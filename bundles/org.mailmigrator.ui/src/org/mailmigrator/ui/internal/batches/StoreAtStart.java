package org.mailmigrator.ui.internal.batches;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.mailmigrator.batch.Workspace;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.batch.workspace.BatchWorkspace;
import org.mailmigrator.batch.workspace.WorkspaceService;
import org.mailmigrator.core.state.DatabaseStore;

/**
 * Which workspace the workbench opens: the folder ({@code $MAILMIGRATOR_WORKSPACE}, else {@code -data}), with the
 * shared PostgreSQL store of {@code $MAILMIGRATOR_STORE} when it is set ({@code ./mailmigrator --store URL} sets it):
 * the batches, statuses and claims that {@code batch … --store URL} and {@code mailmigrator worker} processes use. The
 * password comes as for the command line from {@code $PGPASSWORD} or {@code ~/.pgpass} (never from the URL); the
 * vault's key file is {@code $MAILMIGRATOR_SECRETS_KEY}, else the folder's {@code secrets.key}. A store that cannot be
 * opened (a malformed URL, a server that does not answer, a refused login) does not stop the workbench: it opens the
 * folder alone and says so in a dialog titled {@value #TITLE}, naming the URL (without password) and the cause.
 */
public final class StoreAtStart {
    public static final String TITLE = "Shared store not opened";
    public static final String STORE_ENV = "MAILMIGRATOR_STORE";
    public static final String KEY_ENV = "MAILMIGRATOR_SECRETS_KEY";

    /** The workspace opened, and why it is the folder alone when a store was asked for and could not be opened. */
    public record Opened(BatchWorkspace workspace, Optional<String> problem) {
    }

    private StoreAtStart() {
    }

    /** Opens the workspace {@code env} names (the process's environment in the product). */
    public static Opened open(WorkspaceService service, Map<String, String> env) throws BatchStoreException, IOException {
        Workspace folder = Workspace.resolve(null, env);
        Optional<Path> key = Optional.ofNullable(env.get(KEY_ENV)).filter(k -> !k.isBlank()).map(Path::of);
        String url = env.get(STORE_ENV);
        if (url == null || url.isBlank()) {
            return new Opened(service.open(folder, key), Optional.empty());
        }
        String shown = shown(url);
        try {
            DatabaseStore db = DatabaseStore.parse(url.trim(), env);
            shown = db.toString();
            return new Opened(service.open(folder.withStore(Optional.of(db)), key), Optional.empty());
        } catch (RuntimeException | BatchStoreException e) { // a malformed URL, the server, Flyway
            String text = "The shared store " + shown + " could not be opened: " + e.getMessage()
                    + "\n\nThe workbench opened the folder " + folder.dir() + " alone: its batches are not the database's."
                    + " Check the URL (postgresql://user@host:port/database), that the server answers, and the password"
                    + " ($PGPASSWORD or ~/.pgpass), then start the workbench again (./mailmigrator --store URL).";
            ILog.of(StoreAtStart.class).error(text);
            return new Opened(service.open(folder, key), Optional.of(text));
        }
    }

    /** Shows {@code problem} in a dialog on {@code display}, after the current event (the window is open by then). */
    public static void tell(Display display, String problem) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), TITLE, problem));
        }
    }

    /** The URL as it may be shown before it was read: anything between "//" and "@" that holds a ':' is cut. */
    static String shown(String url) {
        return url.trim().replaceFirst("//([^/@:]*):[^/@]*@", "//$1:***@").replaceAll("(?i)password=[^&]*", "password=***");
    }

    /** For the window title: the store's URL, else the folder; with the reason when the store could not be opened. */
    public static String where(BatchWorkspace ws, Optional<String> problem) {
        String place = ws.folder().store().map(DatabaseStore::toString).orElse(ws.folder().dir().toString());
        return problem.isPresent() ? place + " (the shared store could not be opened)" : place;
    }
}
