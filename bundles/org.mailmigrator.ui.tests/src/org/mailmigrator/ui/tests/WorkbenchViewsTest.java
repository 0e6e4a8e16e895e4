package org.mailmigrator.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.mailmigrator.ui.UiIds;

/** Window > Show View offers the Details, Progress and Error Log views, and each opens as a real view. */
class WorkbenchViewsTest {

    @Test
    void detailsProgressAndErrorLogOpenFromTheShowViewList() throws Exception {
        var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        List<String> shortcuts = List.of(page.getShowViewShortcuts());
        for (String id : List.of(UiIds.VIEW_DETAILS, UiIds.VIEW_PROGRESS, UiIds.VIEW_ERROR_LOG)) {
            assertTrue(shortcuts.contains(id), id + " in " + shortcuts);
            var view = page.showView(id);
            UiTestSupport.processEvents();
            // a view whose class cannot be made is replaced by the workbench's error part
            assertFalse(view.getClass().getSimpleName().contains("Error") && !id.equals(UiIds.VIEW_ERROR_LOG),
                    id + " opened as " + view.getClass());
            assertFalse(view.getClass().getName().endsWith("ErrorViewPart"), id + " opened as " + view.getClass());
        }
        assertEquals("Progress", page.findView(UiIds.VIEW_PROGRESS).getTitle());
        assertEquals("org.eclipse.ui.internal.views.log.LogView", page.findView(UiIds.VIEW_ERROR_LOG).getClass().getName());
    }
}
