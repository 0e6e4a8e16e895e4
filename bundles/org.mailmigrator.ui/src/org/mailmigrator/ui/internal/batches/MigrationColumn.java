package org.mailmigrator.ui.internal.batches;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;

import org.mailmigrator.batch.jobs.MigrationProgress;

/** The columns of the Migrations view: title, width, the text a person reads and the order a click sorts by. */
public enum MigrationColumn {
    STATUS("Status", 18, r -> status(r.progress()), Comparator.comparing(r -> r.progress().status())),
    WORKER("Worker", 10, MigrationRow::worker, Comparator.comparing(MigrationRow::worker)),
    BATCH("Batch", 8, MigrationRow::batch, Comparator.comparing(MigrationRow::batch)),
    SOURCE("Source", 16, r -> r.progress().source(), Comparator.comparing(r -> r.progress().source())),
    DESTINATION("Destination", 16, r -> r.progress().destination(), Comparator.comparing(r -> r.progress().destination())),
    KINDS("Items", 6, MigrationRow::kinds, Comparator.comparing(MigrationRow::kinds)),
    PROGRESS("Progress", 9, r -> r.percent() < 0 ? "" : r.percent() + " %", Comparator.comparingInt(MigrationRow::percent)),
    MESSAGES("Messages", 9, r -> messages(r.progress()), Comparator.comparingLong(r -> r.progress().messagesDone())),
    MB("MB", 6, r -> String.format("%.1f", r.progress().bytesDone() / 1e6), Comparator.comparingLong(r -> r.progress().bytesDone())),
    RATE("Msg/s", 6, r -> r.progress().messagesPerSecond() <= 0 ? "" : String.format("%.1f", r.progress().messagesPerSecond()),
            Comparator.comparingDouble(r -> r.progress().messagesPerSecond())),
    MB_RATE("MB/s", 6, r -> r.progress().bytesPerSecond() <= 0 ? "" : String.format("%.2f", r.progress().bytesPerSecond() / 1e6),
            Comparator.comparingDouble(r -> r.progress().bytesPerSecond())),
    ETA("ETA", 7, r -> r.progress().eta().map(MigrationColumn::duration).orElse(""),
            Comparator.comparing(r -> r.progress().eta().orElse(Duration.ZERO))),
    ERRORS("Errors", 5, r -> r.progress().errors() == 0 ? "" : String.valueOf(r.progress().errors()),
            Comparator.comparingLong(r -> r.progress().errors())),
    LAST_ERROR("Last error", 20, r -> r.progress().lastError().orElse(""), Comparator.comparing(r -> r.progress().lastError().orElse(""))),
    LAST_SYNC("Last sync", 11, r -> r.progress().lastSync().map(MigrationColumn::time).orElse(""),
            Comparator.comparing(r -> r.progress().lastSync().map(i -> i.toEpochMilli()).orElse(0L)));

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final String title;
    private final int weight;
    private final Function<MigrationRow, String> text;
    private final Comparator<MigrationRow> order;

    MigrationColumn(String title, int weight, Function<MigrationRow, String> text, Comparator<MigrationRow> order) {
        this.title = title;
        this.weight = weight;
        this.text = text;
        // ties keep a stable, meaningful order: by batch, then the batch's own migration order (its id)
        this.order = order.thenComparing(MigrationRow::batch).thenComparing(r -> r.progress().id());
    }

    public String title() {
        return title;
    }

    int weight() {
        return weight;
    }

    public String text(MigrationRow row) {
        return text.apply(row);
    }

    Comparator<MigrationRow> order() {
        return order;
    }

    private static String messages(MigrationProgress p) {
        return p.messagesTotal() > 0 ? p.messagesDone() + " / " + p.messagesTotal() : String.valueOf(p.messagesDone());
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static String time(java.time.Instant i) {
        return TIME.format(i);
    }

    /** The status label: "Waiting for quota (until 14:05)", "Waiting for your answer: certificate of HOST", "Synced"... */
    static String status(MigrationProgress p) {
        return p.statusText();
    }
}
