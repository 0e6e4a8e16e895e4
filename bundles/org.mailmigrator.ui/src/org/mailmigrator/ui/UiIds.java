package org.mailmigrator.ui;

/** Ids of the UI contributions, for the application, tests and third parties. */
public final class UiIds {
    public static final String PERSPECTIVE_MIGRATIONS = "org.mailmigrator.ui.perspectives.migrations";
    public static final String VIEW_CONNECTORS = "org.mailmigrator.ui.views.connectors";
    public static final String VIEW_BATCHES = "org.mailmigrator.ui.views.batches";
    public static final String VIEW_MIGRATIONS = "org.mailmigrator.ui.views.migrations";

    private UiIds() {
    }
}
