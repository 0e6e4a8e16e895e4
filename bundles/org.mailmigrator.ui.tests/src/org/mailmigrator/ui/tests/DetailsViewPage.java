package org.mailmigrator.ui.tests;

import java.util.List;

import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.internal.details.DetailsView;

/** Page object of the Details view: the shown migration, its folder lines, log and skipped items as read. */
final class DetailsViewPage {
    private final DetailsView view;

    private DetailsViewPage(DetailsView view) {
        this.view = view;
    }

    /** Shows the view without taking the focus from the Migrations view (whose selection it follows). */
    static DetailsViewPage open() throws PartInitException {
        var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DetailsViewPage opened = new DetailsViewPage((DetailsView) page.showView(UiIds.VIEW_DETAILS, null,
                org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE));
        UiTestSupport.processEvents();
        return opened;
    }

    String title() {
        UiTestSupport.processEvents();
        return view.titleText();
    }

    /** The error pane's text ("" when it is hidden). */
    String errorText() {
        return view.errorText();
    }

    String errorHint() {
        return view.errorHint();
    }

    /** Folder, Messages, MB, Skipped, State. */
    List<List<String>> folders() {
        return UiTestSupport.rows(view.foldersTable());
    }

    /** Time, Message. */
    List<List<String>> log() {
        return UiTestSupport.rows(view.logTable());
    }

    /** The log lines shown in red (errors). */
    List<String> errorLines() {
        var red = view.logTable().getDisplay().getSystemColor(org.eclipse.swt.SWT.COLOR_RED);
        return java.util.Arrays.stream(view.logTable().getItems()).filter(i -> red.equals(i.getForeground(1)))
                .map(i -> i.getText(1)).toList();
    }

    /** Folder, Item, Size, Reason. */
    List<List<String>> skipped() {
        return UiTestSupport.rows(view.skippedTable());
    }
}
