package org.mailmigrator.ui.internal.commands;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.internal.batches.MigrationsView;

/**
 * Start, pause, resume, stop, retry, delta sync and pre-flight as commands (so that keys and menus reach
 * them): runs the Migrations view's action of that name on its selection. The action's name is the handler's
 * data in plugin.xml ({@code class="...MigrationCommand:Pause"}).
 */
public final class MigrationCommand extends DataHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        var page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        if (page != null && page.findView(UiIds.VIEW_MIGRATIONS) instanceof MigrationsView view
                && view.action(data()).isEnabled()) {
            view.action(data()).run();
        }
        return null;
    }
}
