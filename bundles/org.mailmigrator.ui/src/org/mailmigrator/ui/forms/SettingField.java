package org.mailmigrator.ui.forms;

import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.mailmigrator.core.connector.SettingDescriptor;

/**
 * The widget of one declared setting: a check box, a drop-down of choices, or a text (masked when secret); a file
 * setting (a PST, an mbox, a Maildir...) is a text with "File..." and "Folder..." buttons that fill it from the
 * system's pickers.
 */
public final class SettingField {
    private final SettingDescriptor setting;
    private final Control control;
    private final Control outer;

    private SettingField(SettingDescriptor setting, Control control, Control outer) {
        this.setting = setting;
        this.control = control;
        this.outer = outer;
    }

    static SettingField create(Composite parent, SettingDescriptor setting, String value) {
        String initial = value != null ? value : setting.defaultValue().orElse("");
        if (setting.type() == org.mailmigrator.core.connector.SettingType.FILE) {
            return file(parent, setting, initial);
        }
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
        return new SettingField(setting, control, control);
    }

    /** A path: the text, then "File..." and "Folder..." (the system's pickers; the chosen path replaces the text). */
    private static SettingField file(Composite parent, SettingDescriptor setting, String initial) {
        Composite row = new Composite(parent, SWT.NONE);
        org.eclipse.swt.layout.GridLayout layout = new org.eclipse.swt.layout.GridLayout(3, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        Text text = new Text(row, SWT.BORDER | SWT.SINGLE);
        text.setText(initial);
        text.setMessage("/home/alice/archive.pst, ~/Maildir, a Thunderbird profile's Mail folder...");
        text.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false));
        Button file = new Button(row, SWT.PUSH);
        file.setText("&File...");
        file.setData("picker", "file");
        file.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(row.getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.pst;*.ost;*.mbox;*.mbx", "*"});
            d.setFilterNames(new String[] {"Outlook data files and mbox files", "All files"});
            String chosen = d.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        Button folder = new Button(row, SWT.PUSH);
        folder.setText("F&older...");
        folder.setData("picker", "folder");
        folder.addListener(SWT.Selection, e -> {
            String chosen = new org.eclipse.swt.widgets.DirectoryDialog(row.getShell()).open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        text.setToolTipText(setting.description());
        text.setData("setting", setting.id());
        return new SettingField(setting, text, row);
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

    /** What is laid out in the form: the control, or the row holding a path's text and its picker buttons. */
    public Control outer() {
        return outer;
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
