package org.mailmigrator.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.mailmigrator.core.engine.FolderPlan;

/**
 * The folder mapping preview: "Preview" connects to both accounts and asks the engine for its plan (the
 * same code a run uses), shown as source folder, destination folder and the reason of each rename. Typing
 * another destination makes it an explicit mapping of the migration (saved with it); an empty cell removes it.
 */
final class FolderMappingPage extends FormPage {
    static final String ID = "org.mailmigrator.ui.editor.folders";
    static final String EDITED = "edited here: saved as a folder mapping";

    /** A line of the table: the engine's plan and, once edited, the destination typed here. */
    static final class Row {
        final FolderPlan plan;
        String destination;
        String reason;

        Row(FolderPlan plan) {
            this.plan = plan;
            this.destination = plan.destination();
            this.reason = plan.reason();
        }
    }

    private final MigrationEditor editor;
    private final Map<String, String> folderMap;
    private TableViewer viewer;
    private Button preview;
    private List<Row> rows = new ArrayList<>();

    FolderMappingPage(MigrationEditor editor, Map<String, String> folderMap) {
        super(editor, ID, "Folder mapping");
        this.editor = editor;
        this.folderMap = folderMap;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(2, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(toolkit.createLabel(body, "Where each source folder goes, "
                + "as the engine plans it with the settings shown (saved or not). Edit a destination to map it.", SWT.WRAP));
        preview = toolkit.createButton(body, "Preview", SWT.PUSH);
        preview.setToolTipText("Connect to both accounts, list their folders and compute the plan");
        preview.addListener(SWT.Selection, e -> editor.preview());
        Table table = toolkit.createTable(body, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(600, 300).applyTo(table);
        viewer = new TableViewer(table);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Source", 220, r -> r.plan.source());
        // a Gmail folder that becomes no folder (Starred: a flag) has an empty destination; its reason says why
        column("Destination", 220, r -> r.destination.isEmpty() ? "(no folder)" : r.destination)
                .setEditingSupport(new DestinationEditing());
        column("Reason", 420, r -> r.reason);
        viewer.setInput(rows);
    }

    private TableViewerColumn column(String title, int width, java.util.function.Function<Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }
        });
        return c;
    }

    void show(List<FolderPlan> plan) {
        rows = new ArrayList<>(plan.stream().map(Row::new).toList());
        viewer.setInput(rows);
    }

    void previewRunning(boolean running) {
        preview.setEnabled(!running);
    }

    /** Sets a row's destination as a person typing into its cell would. */
    void edit(Row row, String destination) {
        String typed = destination.trim();
        if (typed.equals(row.destination)) {
            return;
        }
        if (typed.isEmpty()) {
            // the engine's own choice may differ from what the removed mapping said: a new preview tells
            folderMap.remove(row.plan.source());
            row.reason = "mapping removed: press Preview for the engine's choice";
        } else {
            folderMap.put(row.plan.source(), typed);
            row.destination = typed;
            row.reason = EDITED;
        }
        editor.changed();
        viewer.update(row, null);
    }

    /** Opens the Destination cell editor of a source folder's row. */
    void startEditing(String sourceFolder) {
        rows.stream().filter(r -> r.plan.source().equals(sourceFolder)).findFirst()
                .ifPresent(r -> viewer.editElement(r, 1));
    }

    Table table() {
        return viewer.getTable();
    }

    Button previewButton() {
        return preview;
    }

    private final class DestinationEditing extends EditingSupport {
        private final TextCellEditor cellEditor = new TextCellEditor(viewer.getTable());

        DestinationEditing() {
            super(viewer);
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return cellEditor;
        }

        @Override
        protected boolean canEdit(Object element) {
            return true;
        }

        @Override
        protected Object getValue(Object element) {
            return ((Row) element).destination;
        }

        @Override
        protected void setValue(Object element, Object value) {
            edit((Row) element, String.valueOf(value));
        }
    }
}
