package org.mailmigrator.ui.internal.editor;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.core.model.MessageLimits;
import org.mailmigrator.core.model.MigrationOptions;

/**
 * What the migration copies: item kinds, folder include/exclude (one regular expression per line, matched
 * against source folder names), mirroring of deletions, the date window and the size limit of messages, and
 * the earliest start. {@link #options} reads them back, or says which field is wrong.
 */
final class OptionsSection {
    private final ZoneId zone = ZoneId.systemDefault();
    private final Map<ItemKind, Button> kinds = new EnumMap<>(ItemKind.class);
    private final Text include;
    private final Text exclude;
    private final Button mirror;
    private final Text since;
    private final Text before;
    private final Text maxSize;
    private final Text notBefore;
    private final org.mailmigrator.core.model.GmailOptions gmail; // kept as imported (CSV column gmail): no field yet

    OptionsSection(FormToolkit toolkit, Composite parent, MigrationOptions o, Runnable changed) {
        this.gmail = o.gmail();
        Section section = toolkit.createSection(parent, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText("Options");
        section.setDescription("What is copied, and when. Times are in the " + zone.getId() + " time zone.");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(section);
        Composite c = toolkit.createComposite(section);
        c.setLayout(new GridLayout(2, false));
        section.setClient(c);
        toolkit.createLabel(c, "Items");
        Composite row = toolkit.createComposite(c);
        row.setLayout(new GridLayout(ItemKind.values().length, false));
        for (ItemKind k : ItemKind.values()) {
            Button b = toolkit.createButton(row, k.id(), SWT.CHECK);
            b.setSelection(o.kinds().contains(k));
            b.addListener(SWT.Selection, e -> changed.run());
            kinds.put(k, b);
        }
        include = lines(toolkit, c, "Include folders", o.includeFolders(), changed,
                "Regular expressions, one a line; empty: every folder");
        exclude = lines(toolkit, c, "Exclude folders", o.excludeFolders(), changed, "Regular expressions, one a line");
        toolkit.createLabel(c, "");
        mirror = toolkit.createButton(c, "Mirror deletions (remove from the destination what the source removed)", SWT.CHECK);
        mirror.setSelection(o.mirrorDeletions());
        mirror.addListener(SWT.Selection, e -> changed.run());
        since = text(toolkit, c, "Only messages since", Formats.date(o.limits().since(), zone), changed, "2021-01-31");
        before = text(toolkit, c, "Only messages before", Formats.date(o.limits().before(), zone), changed, "2024-01-31");
        maxSize = text(toolkit, c, "Maximum message size", Formats.size(o.limits().maxSize()), changed,
                "25M: larger ones are skipped and reported");
        notBefore = text(toolkit, c, "Do not start before", Formats.time(o.notBefore(), zone), changed, "2024-01-31 22:00");
    }

    private static Text lines(FormToolkit toolkit, Composite c, String label, List<String> values, Runnable changed,
            String hint) {
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(toolkit.createLabel(c, label));
        Text t = toolkit.createText(c, String.join("\n", values), SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
        t.setToolTipText(hint);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, 48).applyTo(t);
        t.addListener(SWT.Modify, e -> changed.run());
        return t;
    }

    private static Text text(FormToolkit toolkit, Composite c, String label, String value, Runnable changed, String hint) {
        toolkit.createLabel(c, label);
        Text t = toolkit.createText(c, value, SWT.SINGLE | SWT.BORDER);
        t.setMessage(hint);
        t.setToolTipText(hint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        t.addListener(SWT.Modify, e -> changed.run());
        return t;
    }

    /**
     * The options as edited, with this folder map.
     *
     * @throws IllegalArgumentException naming the field that is wrong and what it expects
     */
    MigrationOptions options(Map<String, String> folderMap) {
        Set<ItemKind> selected = EnumSet.noneOf(ItemKind.class);
        kinds.forEach((k, b) -> {
            if (b.getSelection()) {
                selected.add(k);
            }
        });
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("Items: choose at least one kind of item");
        }
        MessageLimits limits = new MessageLimits(Formats.date("Only messages since", since.getText(), zone),
                Formats.date("Only messages before", before.getText(), zone),
                Formats.size("Maximum message size", maxSize.getText()));
        return new MigrationOptions(selected, regexes("Include folders", include), regexes("Exclude folders", exclude),
                folderMap, mirror.getSelection(), limits, Formats.time("Do not start before", notBefore.getText(), zone),
                gmail);
    }

    private static List<String> regexes(String field, Text text) {
        List<String> list = Arrays.stream(text.getText().split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String r : list) {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(field + ": '" + r + "' is not a regular expression ("
                        + e.getDescription() + ")");
            }
        }
        return list;
    }

    Button kind(ItemKind k) {
        return kinds.get(k);
    }

    Text include() {
        return include;
    }

    Text exclude() {
        return exclude;
    }

    Text since() {
        return since;
    }

    Text before() {
        return before;
    }

    Text maxSize() {
        return maxSize;
    }

    Text notBefore() {
        return notBefore;
    }
}
