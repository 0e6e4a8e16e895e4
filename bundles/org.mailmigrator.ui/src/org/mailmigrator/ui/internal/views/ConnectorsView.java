package org.mailmigrator.ui.internal.views;

import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.ui.batches.BatchSession;

/** Every installed connector with its roles, item kinds and declared settings; skipped contributions below. */
public final class ConnectorsView extends ViewPart {
    private TableViewer viewer;
    private Label problems;  // summary line, and the contributions that were skipped

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite tableHolder = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tableHolder);
        TableColumnLayout columns = new TableColumnLayout();
        tableHolder.setLayout(columns);
        viewer = new TableViewer(tableHolder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(columns, "Connector", 18, ConnectorDescriptor::name);
        column(columns, "Id", 10, ConnectorDescriptor::id);
        column(columns, "Roles", 14, ConnectorDescriptor::rolesText);
        column(columns, "Item kinds", 14, ConnectorDescriptor::kindsText);
        column(columns, "Settings", 34, ConnectorDescriptor::settingsText);
        column(columns, "Contributed by", 18, ConnectorDescriptor::contributor);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> testAccount());
        Action test = new Action("Test an account…") {
            @Override
            public void run() {
                testAccount();
            }
        };
        test.setToolTipText("Fill in an account of the selected connector and test the connection");
        getViewSite().getActionBars().getToolBarManager().add(test);
        problems = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problems);
        refresh();
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<ConnectorDescriptor, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ConnectorDescriptor) element);
            }
        });
    }

    /** Opens the account test dialog for the selected connector. */
    private void testAccount() {
        if (viewer.getStructuredSelection().getFirstElement() instanceof ConnectorDescriptor connector) {
            BatchSession session = getSite().getService(BatchSession.class);
            new TestAccountDialog(getSite().getShell(), session.workspace().connectors(), session.pages(), connector).open();
        }
    }

    /** Reads the registry again and shows what it holds. */
    public void refresh() {
        ConnectorRegistry registry = new ConnectorRegistry(RegistryFactory.getRegistry());
        var connectors = registry.connectors();
        viewer.setInput(connectors);
        List<String> skipped = registry.problems();
        String summary = connectors.isEmpty() ? "No connector is installed." : connectors.size() + " connector(s) installed.";
        problems.setText(skipped.isEmpty() ? summary
                : summary + " " + skipped.size() + " broken contribution(s) skipped (details in the Error Log):\n  "
                        + String.join("\n  ", skipped));
        problems.getParent().layout(true, true);
    }

    public String summaryText() {
        return problems.getText();
    }

    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
