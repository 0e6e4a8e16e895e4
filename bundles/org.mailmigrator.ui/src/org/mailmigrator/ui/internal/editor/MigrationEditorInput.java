package org.mailmigrator.ui.internal.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * Names one migration of a batch. Two inputs of the same migration are equal, so "Open" on a row whose
 * editor is already open brings that editor to the front instead of opening a second one.
 */
public record MigrationEditorInput(String batch, String migrationId, String label) implements IEditorInput {

    public MigrationEditorInput {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(migrationId, "migrationId");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationEditorInput i && i.batch.equals(batch) && i.migrationId.equals(migrationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batch, migrationId);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean exists() {
        return false;  // not in the recently-opened list: the batch may be purged in between
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return label;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "Migration " + label + " of batch " + batch;
    }
}
