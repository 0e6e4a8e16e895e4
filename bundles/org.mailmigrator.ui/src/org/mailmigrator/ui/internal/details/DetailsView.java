package org.mailmigrator.ui.internal.details;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.jobs.LogEntry;
import org.mailmigrator.batch.jobs.MigrationProgress;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.engine.FolderProgress;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.LiveUpdates;
import org.mailmigrator.ui.internal.batches.MigrationRow;

/**
 * The migration selected in the Migrations view: its folders (messages and bytes done of the totals, state),
 * its log and its skipped items with their reasons, followed live (at most four times a second). The skipped
 * items are read from the store again only when their count or the status changes.
 */
public final class DetailsView extends ViewPart {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private BatchSession session;
    private Label title;
    private TextTable<FolderProgress> folders;
    private TextTable<LogEntry> log;
    private TextTable<SkippedItem> skipped;
    private LiveUpdates live;
    private final ISelectionListener onMigrations = this::migrationsSelected;
    private MigrationDetails shown;
    private ErrorPane errorPane;

    @Override
    public void createPartControl(Composite parent) {
        session = getSite().getService(BatchSession.class);
        parent.setLayout(new GridLayout(1, false));
        title = new Label(parent, SWT.NONE);
        title.setText("Select a migration in the Migrations view.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        errorPane = new ErrorPane(parent);
        TabFolder tabs = new TabFolder(parent, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);
        folders = new TextTable<>(tabs, FolderProgress.class)
                .column("Folder", 30, FolderProgress::folder)
                .column("Messages", 14, f -> f.messagesDone() + " / " + f.messagesTotal())
                .column("MB", 18, f -> String.format("%.1f / %.1f", f.bytesDone() / 1e6, f.bytesTotal() / 1e6))
                .column("Skipped", 8, f -> String.valueOf(f.skipped()))
                .column("State", 10, f -> f.state().label());
        log = new TextTable<>(tabs, LogEntry.class)
                .column("Time", 16, e -> TIME.format(e.at()))
                .column("Message", 70, LogEntry::message)
                .foreground(e -> e.error() ? parent.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        skipped = new TextTable<>(tabs, SkippedItem.class)
                .column("Folder", 20, SkippedItem::folder)
                .column("Item", 30, DetailsView::item)
                .column("Size", 10, s -> String.valueOf(s.size()))
                .column("Reason", 50, SkippedItem::reason);
        tab(tabs, "Folders", folders);
        tab(tabs, "Log", log);
        tab(tabs, "Skipped items", skipped);
        live = new LiveUpdates(session, parent.getDisplay(), this::liveSnapshots);
        getSite().getPage().addSelectionListener(UiIds.VIEW_MIGRATIONS, onMigrations);
        migrationsSelected(null, getSite().getPage().getSelection(UiIds.VIEW_MIGRATIONS));
    }

    private static void tab(TabFolder tabs, String text, TextTable<?> table) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(text);
        item.setControl(table.control());
    }

    /** How a skipped item is found by its owner: its subject, else its UID; the whole folder when it has none. */
    private static String item(SkippedItem s) {
        if (s.wholeFolder()) {
            return "(whole folder)";
        }
        String when = s.date() == null ? "" : ", " + TIME.format(s.date());
        return (s.subject() == null || s.subject().isBlank() ? (s.uid() > 0 ? "UID " + s.uid() : "item " + s.id()) : s.subject()) + when;
    }

    public String titleText() {
        return title.getText();
    }

    /** The error pane's text (the whole last error), "" when hidden. */
    public String errorText() {
        return errorPane.visible() ? errorPane.errorText().getText() : "";
    }

    /** The fix shown below the error. */
    public String errorHint() {
        return errorPane.hintText();
    }

    public Table foldersTable() {
        return folders.widget();
    }

    public Table logTable() {
        return log.widget();
    }

    public Table skippedTable() {
        return skipped.widget();
    }

    private void migrationsSelected(IWorkbenchPart part, ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.size() == 1 && s.getFirstElement() instanceof MigrationRow row) {
            show(row.batch(), row.progress());
        }
    }

    private void liveSnapshots(Map<String, BatchProgress> snapshots) {
        if (shown == null || title.isDisposed()) {
            return;
        }
        BatchProgress p = snapshots.get(shown.batch());
        Optional<MigrationProgress> now = p == null ? Optional.empty()
                : p.migrations().stream().filter(m -> m.id().equals(shown.progress().id())).findFirst();
        now.ifPresent(m -> show(shown.batch(), m));
    }

    private void show(String batch, MigrationProgress p) {
        try {
            boolean sameItems = shown != null && shown.batch().equals(batch) && shown.progress().id().equals(p.id())
                    && shown.progress().status() == p.status() && shown.progress().errors() == p.errors();
            List<SkippedItem> items = sameItems ? shown.skipped() : null;
            MigrationDetails d = items == null ? MigrationDetails.load(session, batch, p)
                    : new MigrationDetails(batch, p, p.folders(), session.workspace().manager().log(batch, p.id()), items);
            if (d.log().isEmpty()) {
                d = MigrationDetails.load(session, batch, p);
            }
            shown = d;
            title.setText(d.title());
            errorPane.show(p.lastError().orElse(""));
            folders.show(d.folders());
            log.show(d.log());
            skipped.show(d.skipped());
        } catch (BatchStoreException e) {
            title.setText("Cannot read " + p.id() + ": " + e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        folders.widget().setFocus();
    }

    @Override
    public void dispose() {
        if (live != null) {
            live.dispose();
            getSite().getPage().removeSelectionListener(UiIds.VIEW_MIGRATIONS, onMigrations);
        }
        super.dispose();
    }
}
