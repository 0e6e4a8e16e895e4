package org.mailmigrator.connector.pst.internal;

import java.io.IOException;
import java.util.OptionalLong;

import com.pff.DescriptorIndexNode;
import com.pff.PSTException;
import com.pff.PSTFile;
import com.pff.PSTObject;

/**
 * The binary properties java-libpst reads but does not expose: the entry ids by which the message store and the
 * root folder name their special folders ([MS-OXOSFLD]): IPM subtree, Sent Items, Deleted Items, Drafts. An entry
 * id ends with the folder's node id (4 bytes, little-endian).
 */
final class StoreProperties extends PSTObject {
    static final int IPM_SUBTREE = 0x35E0;
    static final int WASTEBASKET = 0x35E3;
    static final int SENT_MAIL = 0x35E4;
    static final int DRAFTS = 0x36D7;

    StoreProperties(PSTFile file, DescriptorIndexNode node) throws PSTException, IOException {
        super(file, node);
    }

    /** The node id an entry-id property names, if the object has it. */
    OptionalLong folder(int tag) {
        byte[] id = getBinaryItem(tag);
        if (id == null || id.length < 24) {
            return OptionalLong.empty();
        }
        int n = id.length;
        return OptionalLong.of((id[n - 4] & 0xffL) | (id[n - 3] & 0xffL) << 8 | (id[n - 2] & 0xffL) << 16
                | (id[n - 1] & 0xffL) << 24);
    }
}
