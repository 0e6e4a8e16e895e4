package org.mailmigrator.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.SharedHeaderFormEditor;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.mailmigrator.batch.Labels;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.model.Migration;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.ui.batches.BatchSession;

/**
 * The migration editor: a "Settings" page (source and destination accounts rendered by their connector's
 * page, options) and a "Folder mapping" page (the engine's plan, editable). The shared header shows the
 * outcome of "Test connection", "Detect settings", "Preview" and of saving. Saving (Ctrl+S) writes through
 * the batch store; a typed password is sealed by the vault, never stored or shown in clear.
 */
public final class MigrationEditor extends SharedHeaderFormEditor {
    public static final String ID = "org.mailmigrator.ui.editors.migration";

    private BatchSession session;
    private Migration stored;
    private final Map<String, String> folderMap = new LinkedHashMap<>();
    private SettingsPage settings;
    private FolderMappingPage folders;
    private ProbeJobs probes;
    private boolean dirty;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof MigrationEditorInput in)) {
            throw new PartInitException("not a migration: " + input);
        }
        super.init(site, input);
        session = site.getService(BatchSession.class);
        try {
            stored = session.workspace().store().batch(in.batch()).flatMap(b -> b.migrations().stream()
                    .filter(m -> m.id().equals(in.migrationId())).findFirst())
                    .orElseThrow(() -> new PartInitException("batch '" + in.batch() + "' has no migration '"
                            + in.migrationId() + "' (was it purged?)"));
        } catch (BatchStoreException e) {
            throw new PartInitException("cannot read batch '" + in.batch() + "': " + e.getMessage(), e);
        }
        folderMap.putAll(stored.options().folderMap());
        setPartName(label(stored.source()));
        probes = new ProbeJobs(session, this);
    }

    /** The account pages of the connectors, as the workbench's session read them. */
    org.mailmigrator.ui.forms.ConnectorPages pages() {
        return session.pages();
    }

    /** An account as its connector declares its login and endpoint. */
    private String label(org.mailmigrator.core.model.Account a) {
        return Labels.account(a, org.mailmigrator.batch.jobs.ConnectorFactory.of(connectors()));
    }

    /** The installed connectors, as the workspace service read them. */
    ConnectorRegistry connectors() {
        return session.workspace().connectors();
    }

    @Override
    protected void createHeaderContents(IManagedForm headerForm) {
        ScrolledForm form = headerForm.getForm();
        form.setText(label(stored.source()) + " \u2192 " + label(stored.destination()));
        getToolkit().decorateFormHeading(form.getForm());
        Action test = new Action("Test connection") {
            @Override
            public void run() {
                testConnection();
            }
        };
        test.setToolTipText("Run the pre-flight of this migration (log in on both sides, limits, quota)");
        form.getToolBarManager().add(test);
        form.getToolBarManager().update(true);
    }

    @Override
    protected void addPages() {
        settings = new SettingsPage(this, stored);
        folders = new FolderMappingPage(this, folderMap);
        try {
            addPage(settings);
            addPage(folders);
        } catch (PartInitException e) {
            throw new IllegalStateException(e);
        }
        // both pages' widgets exist from the start: saving reads them even if a page was never shown
        setActivePage(FolderMappingPage.ID);
        setActivePage(SettingsPage.ID);
    }

    /** A field changed: the editor is dirty until saved. */
    void changed() {
        if (!dirty) {
            dirty = true;
            editorDirtyStateChanged();
        }
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    /**
     * The migration as shown, saved or not.
     *
     * @throws IllegalArgumentException naming the first wrong field
     */
    Migration current() {
        List<String> problems = new ArrayList<>(settings.source().problems("Source"));
        problems.addAll(settings.destination().problems("Destination"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Migration(stored.id(), settings.source().account(), settings.destination().account(),
                settings.options().options(folderMap));
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        try {
            Migration m = current();
            session.workspace().update(input().batch(), m, settings.source().password(), settings.destination().password());
            stored = m;
            dirty = false;
            editorDirtyStateChanged();
            message("Saved.", IMessageProvider.INFORMATION);
        } catch (IllegalArgumentException | IllegalStateException | BatchStoreException | java.io.IOException e) {
            // IllegalStateException: the vault cannot seal now (its key in a keyring that did not answer at start)
            message("Not saved: " + e.getMessage(), IMessageProvider.ERROR);
            if (monitor != null) {
                monitor.setCanceled(true);
            }
        }
    }

    @Override
    public void doSaveAs() {
        throw new UnsupportedOperationException("a migration is saved in its batch");
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /** "Test connection": the batch's pre-flight for this row, with what the editor shows now. */
    public void testConnection() {
        withCurrent(m -> probes.preflight(m, settings.source().password(), settings.destination().password()));
    }

    /** "Preview" on the folder mapping page. */
    public void preview() {
        withCurrent(m -> probes.folderPlan(m, settings.source().password(), settings.destination().password()));
    }

    void detect(AccountSection section) {
        section.form().ifPresent(f -> SettingsDetection.run(section.addressing(), f, session.providers(),
                Display.getCurrent(), this::message));
    }

    private void withCurrent(Consumer<Migration> action) {
        Migration m;
        try {
            m = current();
        } catch (IllegalArgumentException e) {
            message(e.getMessage(), IMessageProvider.ERROR);
            return;
        }
        action.accept(m);
    }

    /** Shows a sentence in the editor's header, of an {@link IMessageProvider} type. */
    void message(String text, int type) {
        if (getHeaderForm() != null && !getHeaderForm().getForm().isDisposed()) {
            getHeaderForm().getForm().setMessage(text, type);
        }
    }

    /** What the header says now (tests read it as a person would). */
    public String headerMessage() {
        return Optional.ofNullable(getHeaderForm().getForm().getMessage()).orElse("");
    }

    public int headerMessageType() {
        return getHeaderForm().getForm().getMessageType();
    }

    public MigrationEditorInput input() {
        return (MigrationEditorInput) getEditorInput();
    }

    SettingsPage settingsPage() {
        return settings;
    }

    FolderMappingPage foldersPage() {
        return folders;
    }

    Map<String, String> folderMap() {
        return folderMap;
    }

    @Override
    public void dispose() {
        if (probes != null) {
            probes.cancel();
        }
        super.dispose();
    }
}
