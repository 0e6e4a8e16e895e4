package org.mailmigrator.ui.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.SettingDescriptor;
import org.mailmigrator.core.model.Secret;

/**
 * An account form generated from a connector's declared settings: one labelled field per setting, of the
 * kind its type calls for, validated as the person types. A third-party connector gets a working editor
 * without UI code of its own. Secret values never leave as strings: see {@link #secret(String)}.
 */
public final class SettingsForm {
    private final Composite composite;
    private final Map<String, SettingField> fields = new LinkedHashMap<>();
    private final Map<String, ControlDecoration> decorations = new LinkedHashMap<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final Set<String> stored = new HashSet<>();

    public SettingsForm(Composite parent, ConnectorDescriptor connector, Map<String, String> values) {
        composite = new Composite(parent, SWT.NONE);
        composite.setLayout(new GridLayout(2, false));
        for (SettingDescriptor setting : connector.settings()) {
            Label label = new Label(composite, SWT.NONE);
            label.setText(setting.label() + (setting.required() ? " *" : ""));
            label.setToolTipText(setting.description());
            SettingField field = SettingField.create(composite, setting, values.get(setting.id()));
            GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).applyTo(field.outer());
            field.onChange(this::changed);
            fields.put(setting.id(), field);
            decorations.put(setting.id(), errorDecoration(field.control()));
        }
        validate();
    }

    private static ControlDecoration errorDecoration(Control control) {
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.TOP);
        decoration.setImage(FieldDecorationRegistry.getDefault()
                .getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        decoration.hide();
        return decoration;
    }

    private void changed() {
        validate();
        changeListeners.forEach(Runnable::run);
    }

    public Composite control() {
        return composite;
    }

    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /** The values of the settings that are not secret, by setting id; empty fields are left out. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((id, field) -> {
            if (!field.setting().secret() && !field.text().isBlank()) {
                values.put(id, field.text().trim());
            }
        });
        return values;
    }

    /** The value of a secret setting, if one was typed. */
    public Optional<Secret> secret(String id) {
        SettingField field = fields.get(id);
        if (field == null || !field.setting().secret() || field.text().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Secret.of(field.text()));
    }

    /** What is wrong, one line per field, in form order; empty when the form can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        fields.values().forEach(f -> problem(f).ifPresent(problems::add));
        return problems;
    }

    /**
     * Says that a value of this setting is already stored elsewhere (an editor's saved password): left empty,
     * the field keeps it, so a required setting is not missing.
     */
    public void markStored(String id) {
        stored.add(id);
        validate();
    }

    private Optional<String> problem(SettingField f) {
        if (f.text().isEmpty() && stored.contains(f.setting().id())) {
            return Optional.empty();
        }
        return f.setting().validate(f.text());
    }

    /** The field of a setting, for tests and custom pages that extend the generated form. */
    public SettingField field(String id) {
        return fields.get(id);
    }

    private void validate() {
        fields.forEach((id, field) -> {
            ControlDecoration decoration = decorations.get(id);
            Optional<String> problem = problem(field);
            problem.ifPresentOrElse(p -> {
                decoration.setDescriptionText(p);
                decoration.show();
            }, decoration::hide);
        });
    }
}
