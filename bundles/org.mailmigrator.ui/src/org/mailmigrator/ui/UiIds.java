package org.mailmigrator.ui;

/** Ids of the UI contributions, for the application, tests and third parties. */
public final class UiIds {
    public static final String PERSPECTIVE_MIGRATIONS = "org.mailmigrator.ui.perspectives.migrations";
    public static final String VIEW_CONNECTORS = "org.mailmigrator.ui.views.connectors";
    public static final String VIEW_BATCHES = "org.mailmigrator.ui.views.batches";
    public static final String VIEW_MIGRATIONS = "org.mailmigrator.ui.views.migrations";
    public static final String VIEW_DASHBOARD = "org.mailmigrator.ui.views.dashboard";

    public static final String VIEW_DETAILS = "org.mailmigrator.ui.views.details";
    /**
     * The platform's Progress view (running migrations, by job), under our id: org.eclipse.ui.ide, which
     * declares it, is not in the product.
     */
    public static final String VIEW_PROGRESS = "org.mailmigrator.ui.views.progress";
    /** The platform's Error Log view (bundle org.eclipse.ui.views.log). */
    public static final String VIEW_ERROR_LOG = "org.eclipse.pde.runtime.LogView";
    /** Active while the Batches or Migrations view is: the keys of the migration commands work there. */
    public static final String CONTEXT_MIGRATIONS = "org.mailmigrator.ui.contexts.migrations";

    private UiIds() {
    }
}
