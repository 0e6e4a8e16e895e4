package org.mailmigrator.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.internal.views.ConnectorsView;

/** Page object of the Connectors view: opens it and reads what a person sees in its table. */
final class ConnectorsViewPage {
    private final ConnectorsView view;

    private ConnectorsViewPage(ConnectorsView view) {
        this.view = view;
    }

    static ConnectorsViewPage open() throws PartInitException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ConnectorsViewPage opened = new ConnectorsViewPage((ConnectorsView) page.showView(UiIds.VIEW_CONNECTORS));
        UiTestSupport.processEvents();
        return opened;
    }

    List<String> columnTitles() {
        return UiTestSupport.columnTitles(table());
    }

    /** Each row as the cell texts, left to right. */
    List<List<String>> rows() {
        return UiTestSupport.rows(table());
    }

    List<String> row(String connectorId) {
        int idColumn = columnTitles().indexOf("Id");
        return rows().stream().filter(r -> r.get(idColumn).equals(connectorId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + connectorId + " in " + rows()));
    }

    /** The line under the table: how many connectors, and the skipped contributions. */
    String summary() {
        return view.summaryText();
    }

    private Table table() {
        return view.viewer().getTable();
    }
}
