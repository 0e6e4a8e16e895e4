package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.mail.FolderStatus;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;

/**
 * The no-op fast path of a whole account ({@link FolderSync#skipIfUnchanged(FolderStatus, FolderStatus)}) at the
 * cost of one round trip per side: the STATUS of every folder that can be checked is asked in one burst
 * ({@link MailStore#statuses}), source and destination at the same time (two connections, two threads:
 * {@link Both}). The source is given each folder's stored change token, which a connector whose token is a sync
 * state needs to say "unchanged". Where both sides ask every folder in one burst ({@link MailStore#statusesInOneBurst}),
 * the other folders are asked too, and the answers settle a folder the source holds no message in
 * ({@link FolderSync#settleIfEmpty}), on a first pass too.
 */
final class QuickCheck {
    private QuickCheck() {
    }

    /**
     * The folders found unchanged on both sides since the last complete pass, and those empty on the source with
     * nothing recorded (counted as done by FolderSync).
     */
    static Set<FolderPlan> unchanged(List<FolderPlan> folders, Function<FolderPlan, FolderSync> syncs, MailStore src,
            MailStore dst, Both pairs) throws ConnectorException, StateException {
        Map<FolderPlan, FolderSync> checkable = new HashMap<>();
        List<FolderPlan> order = new ArrayList<>();
        Map<String, String> known = new HashMap<>(); // a sync-state source (EWS) answers these when unchanged
        // both sides ask every folder in one round trip (IMAP to IMAP): else the folders that hold mail would cost a
        // STATUS each that opening them answers anyway
        boolean burst = src.statusesInOneBurst() && dst.statusesInOneBurst();
        for (FolderPlan p : folders) {
            FolderSync sync = syncs.apply(p);
            if (sync.checkable()) {
                known.putIfAbsent(p.source(), sync.knownChangeToken());
            }
            if (sync.checkable() || (burst && sync.settleable())) {
                checkable.put(p, sync);
                order.add(p);
            }
        }
        if (order.isEmpty()) {
            return Set.of();
        }
        List<String> dstNames = order.stream().map(FolderPlan::destination).distinct().toList();
        // the destination's burst on the run's other thread, the source's here: whatever happens, the destination
        // connection is not left in use when this returns
        Both.Results<Map<String, Optional<FolderStatus>>, Map<String, Optional<FolderStatus>>> both = pairs.of(
                () -> src.statuses(order.stream().map(FolderPlan::source).distinct().toList(), known),
                () -> dst.statuses(dstNames));
        Map<String, Optional<FolderStatus>> s = both.first();
        Map<String, Optional<FolderStatus>> d = both.second();
        Set<FolderPlan> out = new HashSet<>();
        for (FolderPlan p : order) {
            FolderStatus sp = s.getOrDefault(p.source(), Optional.empty()).orElse(null);
            FolderStatus dp = d.getOrDefault(p.destination(), Optional.empty()).orElse(null);
            if (checkable.get(p).skipIfUnchanged(sp, dp) || checkable.get(p).settleIfEmpty(sp, dp)) {
                out.add(p);
            }
        }
        return out;
    }
}
