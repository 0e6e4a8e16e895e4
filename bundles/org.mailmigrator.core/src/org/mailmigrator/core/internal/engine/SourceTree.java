package org.mailmigrator.core.internal.engine;

import java.util.List;
import java.util.Objects;

import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.FolderState;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * The source's folders for planning, listed from the hierarchy token kept after the last pass for a connector that
 * keeps one ({@link MailStore#folders(String)}: Exchange's SyncFolderHierarchy, an unchanged tree costs one request),
 * and the token it answers kept for the next pass. The token describes the tree alone, so it is kept as soon as the
 * tree is listed, whatever the pass does next. It lives in the state store as the source change token of the folder
 * pair with empty names ({@link #PAIR}), which no folder has (a connector without tokens leaves its token null).
 */
final class SourceTree {
    /** The name, on both sides, of the pair whose source change token is the hierarchy token. */
    static final String PAIR = "";

    private SourceTree() {
    }

    /** The folders; without a state store (a preview) or in a dry run nothing is read from it or kept. */
    static List<MailFolder> list(MailStore source, StateStore state, boolean keep) throws ConnectorException, StateException {
        if (state == null || !keep) {
            return source.folders();
        }
        FolderState kept = state.folder(PAIR, PAIR);
        List<MailFolder> folders = source.folders(kept.srcChangeToken());
        String token = source.hierarchyToken();
        if (!Objects.equals(token, kept.srcChangeToken())) {
            state.saveFolder(kept.withSource(null, null, token));
        }
        return folders;
    }
}
