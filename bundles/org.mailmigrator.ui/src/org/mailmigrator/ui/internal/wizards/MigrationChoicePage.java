package org.mailmigrator.ui.internal.wizards;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.core.connector.ConnectorDescriptor;
import org.mailmigrator.core.connector.ConnectorRegistry;
import org.mailmigrator.core.model.ItemKind;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.prefs.RunPreferences;

/**
 * First page of New migration: the batch, the connectors (sources that read, destinations that write) and
 * the item kinds both carry. A batch copies mail between accounts; calendars and contacts come from a
 * native CSV's file columns (docs/batches.md), so only mail can be chosen here.
 */
public final class MigrationChoicePage extends WizardPage {
    private final BatchSession session;
    private final ConnectorRegistry registry;
    private final String initialBatch;
    private Combo batch;
    private Combo source;
    private Combo destination;
    private final Map<ItemKind, Button> kinds = new EnumMap<>(ItemKind.class);
    private Button mirror;
    private List<ConnectorDescriptor> sources = List.of();
    private List<ConnectorDescriptor> destinations = List.of();

    MigrationChoicePage(BatchSession session, ConnectorRegistry registry, String initialBatch) {
        super("choice");
        this.session = session;
        this.registry = registry;
        this.initialBatch = initialBatch;
        setTitle("New migration");
        setDescription("Choose the batch, the connectors and what to copy.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        batch = combo(c, "&Batch:");
        try {
            BatchCombo.fill(batch, session, initialBatch);
        } catch (BatchStoreException e) {
            setErrorMessage(e.getMessage());
        }
        sources = connectors(ConnectorDescriptor::canRead);
        destinations = connectors(ConnectorDescriptor::canWrite);
        source = combo(c, "&Source connector:");
        sources.forEach(d -> source.add(d.name()));
        destination = combo(c, "&Destination connector:");
        destinations.forEach(d -> destination.add(d.name()));
        selectImap(source, sources);
        selectImap(destination, destinations);
        new Label(c, SWT.NONE).setText("Items:");
        Composite boxes = new Composite(c, SWT.NONE);
        boxes.setLayout(new GridLayout(ItemKind.values().length, false));
        for (ItemKind k : ItemKind.values()) {
            Button b = new Button(boxes, SWT.CHECK);
            b.setText(k.id());
            b.addListener(SWT.Selection, e -> validate());
            kinds.put(k, b);
        }
        kinds.get(ItemKind.MAIL).setSelection(true);
        new Label(c, SWT.NONE);
        mirror = new Button(c, SWT.CHECK);
        mirror.setText("&Mirror deletions (remove from the destination what left the source)");
        mirror.setSelection(RunPreferences.mirrorByDefault());
        for (Combo combo : List.of(batch, source, destination)) {
            combo.addListener(SWT.Selection, e -> validate());
        }
        setControl(c);
        validate();
    }

    private static Combo combo(Composite c, String label) {
        new Label(c, SWT.NONE).setText(label);
        Combo combo = new Combo(c, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        return combo;
    }

    private static void selectImap(Combo combo, List<ConnectorDescriptor> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals("imap")) {
                combo.select(i);
            }
        }
    }

    private List<ConnectorDescriptor> connectors(Predicate<ConnectorDescriptor> role) {
        List<ConnectorDescriptor> out = new ArrayList<>();
        registry.connectors().stream().filter(role).forEach(out::add);
        return out;
    }

    public Combo batchCombo() {
        return batch;
    }

    public Combo sourceCombo() {
        return source;
    }

    public Combo destinationCombo() {
        return destination;
    }

    public Button kindBox(ItemKind kind) {
        return kinds.get(kind);
    }

    String batch() {
        return batch.getText();
    }

    ConnectorDescriptor source() {
        return source.getSelectionIndex() < 0 ? null : sources.get(source.getSelectionIndex());
    }

    ConnectorDescriptor destination() {
        return destination.getSelectionIndex() < 0 ? null : destinations.get(destination.getSelectionIndex());
    }

    Set<ItemKind> kinds() {
        Set<ItemKind> out = java.util.EnumSet.noneOf(ItemKind.class);
        kinds.forEach((k, b) -> {
            if (b.getSelection()) {
                out.add(k);
            }
        });
        return out;
    }

    boolean mirror() {
        return mirror.getSelection();
    }

    private void validate() {
        String problem = null;
        ConnectorDescriptor s = source();
        ConnectorDescriptor d = destination();
        if (batch.getText().isEmpty()) {
            problem = "create a batch first (New batch)";
        } else if (s == null || d == null) {
            problem = "choose a source and a destination connector";
        } else if (!kinds().contains(ItemKind.MAIL)) {
            problem = "choose mail: a batch migration copies mail between accounts";
        } else if (kinds().size() > 1) {
            problem = "calendars, contacts and tasks come with a native CSV's file columns (see docs/batches.md); "
                    + "choose mail only here";
        } else if (!s.kinds().contains(ItemKind.MAIL) || !d.kinds().contains(ItemKind.MAIL)) {
            problem = "both connectors must carry mail (" + s.name() + ": " + s.kindsText() + "; " + d.name() + ": "
                    + d.kindsText() + ")";
        }
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }
}
