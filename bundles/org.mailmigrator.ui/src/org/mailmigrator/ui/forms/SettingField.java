package org.mailmigrator.ui.forms;

import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.core.connector.SettingDescriptor;

/** The widget of one declared setting: a check box, a drop-down of choices, or a text (masked when secret). */
public final class SettingField {
    private final SettingDescriptor setting;
    private final Control control;

    private SettingField(SettingDescriptor setting, Control control) {
        this.setting = setting;
        this.control = control;
    }

    static SettingField create(Composite parent, SettingDescriptor setting, String value) {
        String initial = value != null ? value : setting.defaultValue().orElse("");
        Control control = switch (setting.type()) {
            case BOOLEAN -> {
                Button check = new Button(parent, SWT.CHECK);
                check.setSelection(Boolean.parseBoolean(initial));
                yield check;
            }
            case CHOICE -> {
                Combo combo = new Combo(parent, SWT.DROP_DOWN | SWT.READ_ONLY);
                combo.setItems(setting.choices().toArray(String[]::new));
                combo.select(Math.max(0, Arrays.asList(combo.getItems()).indexOf(initial)));
                yield combo;
            }
            default -> {
                Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | (setting.secret() ? SWT.PASSWORD : 0));
                text.setText(setting.secret() ? "" : initial);
                text.setMessage(hint(setting));
                yield text;
            }
        };
        control.setToolTipText(setting.description());
        control.setData("setting", setting.id());
        return new SettingField(setting, control);
    }

    private static String hint(SettingDescriptor setting) {
        return switch (setting.type()) {
            case HOST -> "imap.example.org";
            case PORT -> setting.defaultValue().orElse("993");
            case URL -> "https://";
            case SECRET -> org.mailmigrator.ui.internal.prefs.SecretsPreferencePage.keyInSecureStorage()
                    ? "sealed in the workspace (its key in the workbench's secure storage)"
                    : "sealed in the workspace (its key file secrets.key is there too)";
            default -> "";
        };
    }

    public SettingDescriptor setting() {
        return setting;
    }

    public Control control() {
        return control;
    }

    /** The value as the declaration's type reads it: "true"/"false" for a check box. */
    public String text() {
        return switch (control) {
            case Button b -> Boolean.toString(b.getSelection());
            case Combo c -> c.getText();
            case Text t -> t.getText();
            default -> "";
        };
    }

    /** Sets the value as a person would type it (tests and "Detect settings" use this). */
    public void setText(String value) {
        switch (control) {
            case Button b -> b.setSelection(Boolean.parseBoolean(value));
            case Combo c -> c.select(Arrays.asList(c.getItems()).indexOf(value));
            case Text t -> t.setText(value);
            default -> throw new IllegalStateException("unknown field widget " + control);
        }
    }

    void onChange(Runnable listener) {
        switch (control) {
            case Button b -> b.addListener(SWT.Selection, e -> listener.run());
            case Combo c -> c.addListener(SWT.Selection, e -> listener.run());
            case Text t -> t.addListener(SWT.Modify, e -> listener.run());
            default -> throw new IllegalStateException("unknown field widget " + control);
        }
    }
}
