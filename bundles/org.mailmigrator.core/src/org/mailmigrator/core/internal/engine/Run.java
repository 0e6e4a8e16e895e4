package org.mailmigrator.core.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.mailmigrator.core.engine.FolderPlan;
import org.mailmigrator.core.engine.MigrationListener;
import org.mailmigrator.core.engine.MigrationReport;
import org.mailmigrator.core.engine.MigrationSettings;
import org.mailmigrator.core.engine.Outcome;
import org.mailmigrator.core.engine.SessionFactory;
import org.mailmigrator.core.engine.SkippedItem;
import org.mailmigrator.core.mail.MailFolder;
import org.mailmigrator.core.mail.MailStore;
import org.mailmigrator.core.mail.Mailbox;
import org.mailmigrator.core.spi.ConnectorException;
import org.mailmigrator.core.state.StateException;
import org.mailmigrator.core.state.StateStore;

/**
 * One run of an account pair: plan the folders, create what is missing on the destination, then sync the
 * folder pairs in parallel (one source and one destination connection per worker). The first account-level
 * failure stops the other workers after their current folder.
 */
public final class Run {
    private final SessionFactory sourceFactory;
    private final SessionFactory destinationFactory;
    private final StateStore state;
    private final MigrationSettings settings;
    private final MigrationListener listener;
    private final Cancellation cancel;
    private final Counters counters;
    private final Retry retry;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Both both = new Both(); // the threads of every paired step of this run
    private final Set<String> linksSaid = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String[] lockedDestination;
    private List<org.mailmigrator.core.mail.MailFolder> gmailFolders; // the source's folders when it is Gmail-like
    private GmailScope gmail;
    private org.mailmigrator.core.engine.GmailSummary gmailSummary;

    public Run(SessionFactory source, SessionFactory destination, StateStore state, MigrationSettings settings,
            MigrationListener listener, Cancellation cancel) {
        this.sourceFactory = source;
        this.destinationFactory = destination;
        this.state = state;
        this.settings = settings;
        this.listener = listener;
        this.cancel = cancel;
        this.counters = new Counters(listener);
        this.retry = new Retry(settings, listener, counters::copiedCount);
    }

    /** Keeps the run within a daily transfer budget (null: none). */
    public Run withBudget(org.mailmigrator.core.limits.TransferBudget budget) {
        counters.limits.budget(budget);
        return this;
    }

    /** Holds the machine-wide lock of the destination {@code login@host} while writing ({@link DestinationLock}). */
    public Run lockingDestination(String host, String login) {
        this.lockedDestination = new String[] { host, login };
        return this;
    }

    public MigrationReport execute() {
        List<FolderPlan> plan = List.of();
        SessionPair first = new SessionPair(sourceFactory, destinationFactory);
        DestinationLock lock = null;
        try {
            if (lockedDestination != null && !settings.dryRun()) {
                lock = DestinationLock.acquire(lockedDestination[0], lockedDestination[1], listener, cancel);
            }
            plan = retry.run("planning", first, () -> plan(first));
            if (settings.dryRun()) {
                List<FolderPlan> planned = plan;
                plan = retry.run("counting", first, () -> count(first.source(), planned));
                return report(Outcome.COMPLETED, null, plan);
            }
            List<FolderPlan> fixed = plan;
            retry.run("creating folders", first, () -> createFolders(first, fixed));
            if (gmailFolders != null) {
                gmail = retry.run("reading Gmail message ids", first, () -> GmailRun.scope(first, fixed, gmailFolders,
                        state, settings.gmail(), listener));
            }
            syncAll(plan, first);
            if (gmail != null && failure.get() == null && !cancel.cancelled()) {
                gmailSummary = retry.run("placing Gmail labels", first,
                        () -> new GmailPlacements(gmail, state, counters, listener, cancel).place(first.destination()));
            }
        } catch (java.io.IOException e) {
            failure.compareAndSet(null, new ConnectorException.AccountFailure(
                    "cannot take the lock that keeps two runs from writing to one mailbox (" + DestinationLock.folder()
                            + "): " + e.getMessage(), e));
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            first.links().forEach(this::sayLink);
            first.close();
            both.close();
            flushState(); // before another run may write to the mailbox
            if (lock != null) {
                lock.close();
            }
        }
        Throwable t = failure.get();
        if (t != null) {
            return report(Outcomes.of(t), Outcomes.message(t), plan);
        }
        // a Gmail placement missing after the run (its copy was removed from the destination meanwhile) is not done
        boolean placed = gmailSummary == null || gmailSummary.missing().isEmpty();
        return report(counters.skipped().isEmpty() && placed ? Outcome.COMPLETED : Outcome.ITEMS_SKIPPED, null, plan);
    }

    private void flushState() {
        try {
            if (state != null) {
                state.flush();
            }
        } catch (StateException e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Only the plan: log in on both sides, list their folders and map them, with the reason of each rename.
     * What a preview shows is then exactly what a run would do.
     */
    public List<FolderPlan> planOnly() throws ConnectorException {
        try (both; SessionPair sessions = new SessionPair(sourceFactory, destinationFactory)) {
            return plan(sessions);
        } catch (StateException e) {
            throw new IllegalStateException(e); // not reached: a preview has no state store
        }
    }

    private List<FolderPlan> plan(SessionPair sessions) throws ConnectorException, StateException {
        // both sides' logins and listings at once (two connections): over a network half the round trips; the source's
        // tree from the hierarchy token kept after the last pass where its connector keeps one (SourceTree)
        Both.Results<Side, Side> sides = both.of(() -> Side.of(sessions.source(), state, !settings.dryRun()),
                () -> Side.of(sessions.destination(), null, false));
        Side src = sides.first();
        Side dst = sides.second();
        src.link().ifPresent(l -> sayLink("source link: " + l));
        dst.link().ifPresent(l -> sayLink("destination link: " + l));
        FolderMapper mapper = new FolderMapper(src.namespace(), dst.namespace(), dst.folders(), dst.capabilities());
        List<FolderPlan> plan = mapper.plan(src.folders(), settings);
        if (!GmailPlanner.gmailLike(src.capabilities())) {
            return plan;
        }
        gmailFolders = src.folders();
        return new GmailPlanner(dst.namespace(), dst.folders(), settings.gmail()).adjust(plan, src.folders(),
                settings.map());
    }

    /** What planning reads of one side. */
    private record Side(org.mailmigrator.core.mail.Namespace namespace, List<MailFolder> folders,
            List<String> capabilities, Optional<String> link) {
        static Side of(MailStore store, StateStore state, boolean keep) throws ConnectorException, StateException {
            return new Side(store.personalNamespace(), SourceTree.list(store, state, keep), store.capabilities(),
                    store.link());
        }
    }

    private List<FolderPlan> count(MailStore src, List<FolderPlan> plan) throws ConnectorException {
        List<FolderPlan> counted = new ArrayList<>();
        for (FolderPlan p : plan) {
            if (!p.selectable()) {
                counted.add(p);
                continue;
            }
            try (Mailbox box = src.open(p.source(), false)) {
                counted.add(p.withCounts(box.status().messages(), box.totalBytes()));
            }
        }
        return counted;
    }

    private Void createFolders(SessionPair sessions, List<FolderPlan> plan) throws ConnectorException {
        MailStore dst = sessions.destination();
        Set<String> subscribed = new HashSet<>();
        Set<String> existing = new HashSet<>();
        for (MailFolder f : dst.folders()) {
            existing.add(f.name());
            if (f.subscribed()) {
                subscribed.add(f.name());
            }
        }
        List<String> create = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        List<String> subscribe = new ArrayList<>();
        for (FolderPlan p : plan) {
            if (!p.hasDestination()) {
                continue; // a Gmail folder that becomes no folder (Starred, Important)
            }
            // a pure parent comes into being with its first child; created alone only when childless, because
            // some servers (Maildir++) cannot hold a \Noselect folder and would make it a real one
            boolean impliedByChild = !p.selectable() && plan.stream().anyMatch(
                    c -> c.destination().length() > p.destination().length() && c.destination().startsWith(p.destination()));
            if (!existing.contains(p.destination()) && !impliedByChild && existing.add(p.destination())) {
                (p.selectable() ? create : parents).add(p.destination());
            }
            if (p.subscribed() && subscribed.add(p.destination())) {
                subscribe.add(p.destination());
            }
        }
        // in bursts where the protocol allows (one round trip for many folders), parents before children
        if (!create.isEmpty()) {
            dst.createAll(create);
        }
        for (String f : parents) {
            dst.create(f, false);
        }
        create.forEach(f -> listener.info("created folder " + f));
        parents.forEach(f -> listener.info("created folder " + f));
        if (!subscribe.isEmpty()) { // a refused SUBSCRIBE costs no message
            for (ConnectorException.ItemFailure e : dst.subscribeAll(subscribe).values()) {
                counters.warn(e.getMessage());
                listener.info("warning: " + e.getMessage());
            }
        }
        return null;
    }

    private void syncAll(List<FolderPlan> plan, SessionPair first)
            throws InterruptedException, ConnectorException, StateException {
        ConcurrentLinkedQueue<FolderPlan> queue = new ConcurrentLinkedQueue<>();
        List<FolderPlan> selectable = plan.stream().filter(FolderPlan::selectable).toList();
        counters.foldersTotal.set(selectable.size());
        counters.plan(selectable.stream().map(FolderPlan::source).toList());
        // every folder's state at once: a first pass makes them in one commit, not one a folder
        state.folders(selectable.stream().map(p -> java.util.Map.entry(p.source(), p.destination())).toList());
        // unchanged folders cost one STATUS per side here, all folders' in one burst per side and both sides at
        // once; only the others get workers (and connections)
        Set<FolderPlan> unchangedFolders;
        try {
            unchangedFolders = retry.run("checking folders", first, () -> {
                MailStore src = first.source();
                MailStore dst = first.destination();
                return QuickCheck.unchanged(selectable, p -> new FolderSync(p, src, dst, state, settings, counters,
                        listener, cancel, both).within(gmail), src, dst, both);
            });
        } catch (ConnectorException.ItemFailure e) {
            unchangedFolders = Set.of(); // the workers meet the same failure and report it for their folder
        }
        for (FolderPlan p : selectable) {
            if (unchangedFolders.contains(p)) {
                counters.folderDone(p.source());
            } else {
                queue.add(p);
            }
        }
        int workers = FolderWorkers.count(settings, first.source(), first.destination(), queue.size(), listener::info);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "mailmigrator-folder-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                SessionPair sessions = i == 0 ? first : new SessionPair(sourceFactory, destinationFactory);
                boolean own = i != 0;
                futures.add(pool.submit(() -> work(queue, sessions, own)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        counters.publish(true);
    }

    private void work(ConcurrentLinkedQueue<FolderPlan> queue, SessionPair sessions, boolean own) {
        try {
            if (own && !opened(sessions)) {
                return;
            }
            FolderPlan p;
            while (failure.get() == null && !cancel.cancelled() && (p = queue.poll()) != null) {
                FolderPlan folder = p;
                try {
                    retry.run("folder " + p.source(), sessions, () -> {
                        both.run(sessions::source, sessions::destination); // a worker's two logins at once
                        new FolderSync(folder, sessions.source(), sessions.destination(), state, settings, counters,
                                listener, cancel, both).within(gmail).run();
                        return null;
                    });
                } catch (ConnectorException.ItemFailure e) {
                    counters.skipped(new SkippedItem(p.source(), (String) null, null, null, 0, e.getMessage()), 0);
                }
                counters.folderDone(p.source());
            }
            cancel.check();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            if (own) {
                sessions.links().forEach(this::sayLink);
                sessions.close();
            }
        }
    }

    /**
     * Opens the connections of a worker beyond the first. One the server refuses (a per-user connection limit: Dovecot's
     * "Maximum number of connections from user+IP exceeded", Gmail's "Too many simultaneous connections") or that
     * fails otherwise leaves its folders to the workers already copying, which hold the run's first connections:
     * the run goes on with fewer folders at once, and says so.
     */
    private boolean opened(SessionPair sessions) {
        try {
            both.run(sessions::source, sessions::destination);
            return true;
        } catch (ConnectorException | StateException e) {
            listener.info("one more folder at once was not possible, the other workers copy its folders: "
                    + e.getMessage());
            return false;
        }
    }

    /**
     * A session's link as the run's log tells it, once for each wording: at planning, and when a session ends if it
     * changed meanwhile (compress=auto measured the link and compressed, or measured it and did not).
     */
    private void sayLink(String line) {
        if (linksSaid.add(line)) {
            listener.info(line);
        }
    }

    private MigrationReport report(Outcome outcome, String message, List<FolderPlan> plan) {
        return new MigrationReport(outcome, message, plan, counters.copiedCount(), counters.alreadyPresentCount(),
                counters.flagsUpdatedCount(), counters.removedCount(), counters.skipped(), counters.bytesCopied(),
                counters.elapsed(), counters.warnings(), counters.altered(), gmailSummary);
    }
}
