package org.mailmigrator.ui.internal.wizards;

import org.eclipse.swt.widgets.Combo;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.batches.BatchSession;

/** The workspace's batches in a combo, the given one (the Batches view's selection) chosen, else the first. */
final class BatchCombo {
    private BatchCombo() {
    }

    static void fill(Combo combo, BatchSession session, String initial) throws BatchStoreException {
        session.workspace().store().names().forEach(combo::add);
        if (combo.getItemCount() > 0) {
            combo.select(initial == null ? 0 : Math.max(0, combo.indexOf(initial)));
        }
    }
}
