package org.mailmigrator.connector.pst.internal;

import java.util.List;
import java.util.Locale;

import org.mailmigrator.core.pim.PimEntry;
import org.mailmigrator.core.pim.PimItem;
import org.mailmigrator.core.pim.PimReader;
import org.mailmigrator.core.spi.ConnectorException;

import com.pff.PSTAppointment;
import com.pff.PSTContact;
import com.pff.PSTFolder;
import com.pff.PSTObject;
import com.pff.PSTTask;

/**
 * The contacts, appointments and tasks of a PST, one item at a time: the folders whose container class is
 * {@code IPF.Contact}, {@code IPF.Appointment} or {@code IPF.Task}, each item converted as it is read
 * ({@link PimItems}); the collection is the folder's name. A distribution list, or an item that cannot be read, is
 * a malformed entry naming the file, folder and node id; the others go on. A calendar leg reads only the appointment
 * and task folders, a contacts leg only the contact folders (setting {@code read}), so a distribution list is a
 * failure of the contacts leg alone.
 */
final class PstPimReader implements PimReader {
    private final PstStore store;
    private final String read;

    /** @param read {@code all}, {@code calendars} (appointment and task folders) or {@code contacts} (contact folders) */
    PstPimReader(PstStore store, String read) {
        this.store = store;
        this.read = read;
    }

    @Override
    public void read(Sink sink) throws ConnectorException {
        for (PstTree.Node folder : store.tree()) {
            String cls = folder.containerClass().toUpperCase(Locale.ROOT);
            boolean contacts = cls.startsWith("IPF.CONTACT");
            boolean calendars = cls.startsWith("IPF.APPOINTMENT") || cls.startsWith("IPF.TASK");
            if (!(contacts && !read.equals("calendars") || calendars && !read.equals("contacts"))) {
                continue;
            }
            if (!folder(folder, sink)) {
                return;
            }
        }
    }

    private boolean folder(PstTree.Node folder, Sink sink) throws ConnectorException {
        List<Integer> ids;
        synchronized (store.file()) {
            try {
                ids = ((PSTFolder) PSTObject.detectAndLoadPSTObject(store.file(), folder.nid())).getChildDescriptorNodes();
            } catch (Exception e) {
                throw new ConnectorException.AccountFailure("reading folder '" + folder.name() + "' of " + store.path()
                        + ": " + e.getMessage(), e);
            }
        }
        String collection = folder.name().substring(folder.name().lastIndexOf('/') + 1);
        for (Integer nid : ids) {
            String origin = store.path().getFileName() + ", folder '" + folder.name() + "', item " + nid;
            if (!sink.accept(entry(nid, collection, origin))) {
                return false;
            }
        }
        return true;
    }

    private PimEntry entry(long nid, String collection, String origin) {
        String uid = "pst-" + nid + "@" + store.recordKey();
        synchronized (store.file()) {
            try {
                PSTObject o = PSTObject.detectAndLoadPSTObject(store.file(), nid);
                PimItem item;
                if (o instanceof PSTAppointment a) {
                    item = PimItems.appointment(a, collection, uid, origin);
                } else if (o instanceof PSTTask t) {
                    item = PimItems.task(t, collection, uid, origin);
                } else if (o instanceof PSTContact c) {
                    item = PimItems.contact(c, collection, uid, origin);
                } else {
                    return new PimEntry.Malformed(origin, "not a contact, appointment or task ("
                            + (o == null ? "unknown" : o.getMessageClass()) + "): distribution lists and notes are not copied");
                }
                return new PimEntry.Item(item);
            } catch (Exception | StackOverflowError e) {
                return new PimEntry.Malformed(origin, "cannot be read (the file may be damaged there): " + e.getMessage());
            }
        }
    }
}
