package org.mailmigrator.ui.internal.prefs;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** "Mail Migrator": batch defaults, TLS policy, pinned certificates and default options ({@link RunPreferences}). */
public final class RunPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public RunPreferencePage() {
        super(GRID);
        setDescription("How migrations started from the workbench run, and what new batches get.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, RunPreferences.NODE));
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor concurrency = new IntegerFieldEditor(RunPreferences.CONCURRENCY,
                "Default &concurrency of new batches:", getFieldEditorParent());
        concurrency.setValidRange(1, 1000);
        addField(concurrency);
        IntegerFieldEditor perHost = new IntegerFieldEditor(RunPreferences.PER_HOST,
                "Default connections per &server of new batches:", getFieldEditorParent());
        perHost.setValidRange(1, 1000);
        addField(perHost);
        addField(new ComboFieldEditor(RunPreferences.TLS_POLICY, "&TLS policy:", new String[][] {
                { "Require TLS (STARTTLS must succeed; no http:// CalDAV, CardDAV or Exchange targets)", RunPreferences.TLS_REQUIRE },
                { "Allow plaintext: STARTTLS may be skipped and http:// targets are used (test servers, legacy hosts)", RunPreferences.TLS_ALLOW_PLAINTEXT } },
                getFieldEditorParent()));
        addField(new StringFieldEditor(RunPreferences.TRUST_SHA256, "Trusted certificate &SHA-256 pins (comma separated):",
                getFieldEditorParent()));
        addField(new BooleanFieldEditor(RunPreferences.PREFLIGHT, "Run a &pre-flight check before copying",
                getFieldEditorParent()));
        addField(new BooleanFieldEditor(RunPreferences.MIRROR, "New migrations &mirror deletions of the source",
                getFieldEditorParent()));
    }
}
