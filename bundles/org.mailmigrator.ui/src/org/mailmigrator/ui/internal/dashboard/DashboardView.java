package org.mailmigrator.ui.internal.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.mailmigrator.batch.BatchSpec;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.batch.MigrationStatus;
import org.mailmigrator.batch.jobs.BatchProgress;
import org.mailmigrator.batch.report.ErrorCauses;
import org.mailmigrator.batch.report.ThroughputLog;
import org.mailmigrator.batch.store.BatchStoreException;
import org.mailmigrator.ui.UiIds;
import org.mailmigrator.ui.batches.BatchSession;
import org.mailmigrator.ui.internal.batches.BatchSummary;
import org.mailmigrator.ui.internal.batches.LiveUpdates;
import org.mailmigrator.ui.internal.batches.MigrationsView;
import org.mailmigrator.ui.internal.batches.StatusGroup;

/**
 * The fleet dashboard: per batch the migrations by status, progress, rate and ETA (live for batches this process
 * runs, the store's statuses for the others) and the rows that wait for the person's answer (a certificate
 * question); messages/s and MB/s over time; connections in use per server
 * against the limit; the processes running rows now and how many each (on a shared store, every worker's); the errors of every row grouped by cause, with the fix and, on double-click, the Migrations
 * view filtered to those rows.
 */
public final class DashboardView extends ViewPart {
    /** Batch, Migrations, the count columns of the Batches view ({@link StatusGroup}), then progress and waits. */
    public static final String[] BATCH_COLUMNS = java.util.stream.Stream.of(java.util.stream.Stream.of("Batch", "Migrations"),
            java.util.Arrays.stream(StatusGroup.values()).map(StatusGroup::title),
            java.util.stream.Stream.of("Progress", "Rate", "ETA", "Waiting for you")).flatMap(x -> x).toArray(String[]::new);

    private BatchSession session;
    private LiveUpdates live;
    private final Map<String, BatchProgress> lastLive = new HashMap<>();
    private final Map<String, List<MigrationState>> stored = new HashMap<>();
    private Table batches;
    private Table hosts;
    private Table workers;
    private Table causes;
    private ThroughputChart chart;
    private final List<ErrorCauses.Cause> shownCauses = new ArrayList<>();
    private final Runnable onChange = () -> getSite().getShell().getDisplay().asyncExec(() -> {
        stored.clear();
        refresh();
    });
    private boolean sampling = true;

    @Override
    public void createPartControl(Composite parent) {
        session = getSite().getService(BatchSession.class);
        SashForm main = new SashForm(parent, SWT.VERTICAL);
        batches = table(main, BATCH_COLUMNS);
        batches.addListener(SWT.MouseHover, this::etaToolTip);
        chart = new ThroughputChart(main);
        loadHistory();
        SashForm bottom = new SashForm(main, SWT.HORIZONTAL);
        hosts = table(bottom, "Server", "Connections in use", "Limit");
        workers = table(bottom, "Worker", "Rows running");
        workers.setToolTipText("The processes running rows now: this workbench, and on a shared store every worker and "
                + "batch run process (host:pid)");
        causes = table(bottom, "Rows", "Cause", "Fix");
        causes.setToolTipText("Double-click a cause to show its rows in the Migrations view");
        causes.addListener(SWT.DefaultSelection, e -> showRowsOf(causes.getSelectionIndex()));
        bottom.setWeights(2, 1, 3);
        main.setWeights(3, 4, 3);
        session.workspace().addChangeListener(onChange);
        live = new LiveUpdates(session, parent.getDisplay(), snapshots -> {
            lastLive.putAll(snapshots);
            refresh();
        });
        parent.getDisplay().timerExec(1000, this::sample);
        refresh();
    }

    /** The throughput of earlier runs (this workbench's or another process's), read from the workspace. */
    private void loadHistory() {
        List<List<ThroughputLog.Rate>> batches = new ArrayList<>();
        try {
            for (String name : session.workspace().store().names()) {
                batches.add(ThroughputLog.rates(ThroughputLog.read(session.workspace().folder(), name),
                        java.time.Duration.ofMillis(ThroughputLog.PERIOD_MS)));
            }
        } catch (BatchStoreException e) {
            return; // refresh() says that the batches cannot be read
        }
        chart.history(ThroughputLog.sum(batches));
    }

    private static Table table(Composite parent, String... titles) {
        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new FillLayout());
        Table t = new Table(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (String title : titles) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(title);
            c.setWidth(Math.max(70, title.length() * 8));
        }
        return t;
    }

    /** One chart sample a second, also while nothing changes (a stalled fleet shows as a falling line). */
    private void sample() {
        if (!sampling || chart.control().isDisposed()) {
            return;
        }
        double messages = 0;
        double bytes = 0;
        for (BatchProgress p : lastLive.values()) {
            messages += p.messagesPerSecond();
            bytes += p.bytesPerSecond();
        }
        chart.add(messages, bytes);
        chart.control().getDisplay().timerExec(1000, this::sample);
    }

    /** Reads the store (for batches this process does not run) and the live snapshots, and fills the tables. */
    public void refresh() {
        if (batches.isDisposed()) {
            return;
        }
        List<FleetRow> rows = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> limits = new TreeMap<>();
        try {
            for (String name : session.workspace().store().names()) {
                // opened mid-run: the session's current snapshot until the next live update
                Optional<BatchProgress> p = Optional.ofNullable(lastLive.get(name)).or(() -> session.live(name));
                Map<MigrationStatus, Integer> counts = new EnumMap<>(MigrationStatus.class);
                List<MigrationState> states = stored.computeIfAbsent(name, this::states);
                if (p.isPresent()) {
                    counts.putAll(p.get().countByStatus());
                    p.get().migrations().forEach(m -> m.lastError().ifPresent(e -> errors.put(name + "/" + m.id(), e)));
                } else {
                    states.forEach(s -> counts.merge(s.status(), 1, Integer::sum));
                    states.forEach(s -> s.lastError().ifPresent(e -> errors.put(name + "/" + s.migrationId(), e)));
                }
                rows.add(new FleetRow(name, counts, p));
                Optional<BatchSpec> spec = session.workspace().store().batch(name);
                spec.ifPresent(b -> b.migrations().forEach(m -> {
                    for (var a : List.of(m.source(), m.destination())) {
                        session.manager().host(a).ifPresent(h -> limits.merge(h, b.perHostLimit(), Math::max));
                    }
                }));
            }
        } catch (BatchStoreException e) {
            setContentDescription("Cannot read the batches: " + e.getMessage());
            return;
        }
        fillBatches(rows);
        hosts.removeAll();
        limits.forEach((host, limit) -> item(hosts, host, String.valueOf(session.workspace().manager().connectionsInUse(host)),
                String.valueOf(limit)));
        // on a shared store: the watch's last reading failed (the server away): the rows shown are the last ones read
        if (session.shared()) {
            setContentDescription(session.fleetProblem().map(p -> "The shared store cannot be read now (the last rows "
                    + "read are shown): " + p).orElse(""));
        }
        workers.removeAll();
        session.rowsByWorker().forEach((w, n) -> item(workers, w, String.valueOf(n)));
        shownCauses.clear();
        shownCauses.addAll(ErrorCauses.group(errors));
        causes.removeAll();
        shownCauses.forEach(c -> item(causes, String.valueOf(c.rows().size()), c.name(), c.hint()));
        fitOnce(batches);
        fitOnce(hosts);
        fitOnce(workers);
        fitOnce(causes);
    }

    /** Columns as wide as their first contents (later the person's own widths are kept). */
    private static void fitOnce(Table t) {
        if (t.getItemCount() > 0 && t.getData("fitted") == null) {
            t.setData("fitted", Boolean.TRUE);
            for (TableColumn c : t.getColumns()) {
                int before = c.getWidth();
                c.pack();
                c.setWidth(Math.max(before, c.getWidth() + 12));
            }
        }
    }

    private List<MigrationState> states(String batch) {
        try {
            return session.workspace().store().states(batch);
        } catch (BatchStoreException e) {
            return List.of();
        }
    }

    private void fillBatches(List<FleetRow> rows) {
        batches.removeAll();
        for (FleetRow r : rows) {
            BatchSummary s = new BatchSummary(r.batch(), r.total(), r.counts(), r.live());
            List<String> cells = new java.util.ArrayList<>(List.of(r.batch(), String.valueOf(r.total())));
            for (StatusGroup g : StatusGroup.values()) {
                cells.add(String.valueOf(g.count(r.counts())));
            }
            cells.addAll(List.of(s.progressText(), s.rateText(), s.etaText(), waitingText(r.live())));
            TableItem row = item(batches, cells.toArray(String[]::new));
            row.setData(s);
        }
    }

    /** "2: Waiting for your answer: certificate of HOST" (rows held by a question, not by a server), or "". */
    static String waitingText(Optional<BatchProgress> live) {
        return live.map(p -> p.waiting().entrySet().stream().map(e -> e.getValue() + ": " + e.getKey())
                .collect(java.util.stream.Collectors.joining("; "))).orElse("");
    }

    private static TableItem item(Table t, String... cells) {
        TableItem item = new TableItem(t, SWT.NONE);
        item.setText(cells);
        return item;
    }

    /** Over the ETA column: why it is blank or a lower bound. */
    private void etaToolTip(org.eclipse.swt.widgets.Event e) {
        TableItem item = batches.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
        int eta = List.of(BATCH_COLUMNS).indexOf("ETA");
        batches.setToolTipText(item != null && item.getData() instanceof BatchSummary s
                && item.getBounds(eta).contains(e.x, e.y) ? s.etaToolTip() : null);
    }

    /** Shows the rows of a cause in the Migrations view (its filter box gets the cause's words). */
    public void showRowsOf(int causeIndex) {
        if (causeIndex < 0 || causeIndex >= shownCauses.size()) {
            return;
        }
        try {
            MigrationsView v = (MigrationsView) getSite().getPage().showView(UiIds.VIEW_MIGRATIONS);
            v.showBatches(List.of());
            v.filterBox().setText(shownCauses.get(causeIndex).filter());
        } catch (PartInitException e) {
            setContentDescription("Cannot open the Migrations view: " + e.getMessage());
        }
    }

    public Table batchesTable() {
        return batches;
    }

    public Table hostsTable() {
        return hosts;
    }

    /** Worker (host:pid, "this workbench") and how many rows it runs now. */
    public Table workersTable() {
        return workers;
    }

    public Table causesTable() {
        return causes;
    }

    public int chartSamples() {
        return chart.samples();
    }

    /** Points of the chart read from the stored throughput history when the view opened. */
    public int chartHistorySamples() {
        return chart.historySamples();
    }

    /** The throughput chart's points: second, messages/s, bytes/s (MB/s as drawn, times 10^6). */
    public List<ThroughputLog.Rate> chartPoints() {
        return chart.points();
    }

    @Override
    public void setFocus() {
        batches.setFocus();
    }

    @Override
    public void dispose() {
        sampling = false;
        if (live != null) {
            live.dispose();
            session.workspace().removeChangeListener(onChange);
        }
        super.dispose();
    }
}
