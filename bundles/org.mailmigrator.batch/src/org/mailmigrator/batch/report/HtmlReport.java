package org.mailmigrator.batch.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mailmigrator.batch.MigrationState;
import org.mailmigrator.core.model.Migration;

/**
 * {@code report.html} beside the JSON and CSV reports: the batch's migrations by status and the messages on the
 * source against those on the destination per migration (charts made by JFreeChart, embedded as PNG), the errors
 * grouped by cause with their fix, the throughput over time of every run ({@link ThroughputLog}), and the
 * per-migration completeness and passes. Self-contained: one file, no
 * script, no outside link; no secrets (accounts by label only).
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    static { // the charts are drawn into images, never on a screen
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static void write(BatchReport r, Path file) throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Batch ")
                .append(esc(r.batch().name())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
                        + ".bad{color:#b00}</style></head><body>");
        h.append("<h1>Batch ").append(esc(r.batch().name())).append("</h1><p>");
        r.counts().forEach((k, v) -> h.append(v).append(' ').append(esc(k.label())).append(". "));
        h.append("</p>");
        h.append(img(statusChart(r), "Migrations by status"));
        h.append(img(completenessChart(r), "Messages on the source and on the destination"));
        if (!r.throughput().isEmpty()) {
            h.append(img(throughputChart(r), "Throughput over time"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (MigrationState s : r.states()) {
            errors.put(s.migrationId(), s.lastError().orElse(""));
        }
        h.append("<h2>Errors by cause</h2><table><tr><th>Rows</th><th>Cause</th><th>Fix</th><th>Migrations</th></tr>");
        for (ErrorCauses.Cause c : ErrorCauses.group(errors)) {
            h.append("<tr><td>").append(c.rows().size()).append("</td><td>").append(esc(c.name())).append("</td><td>")
                    .append(esc(c.hint())).append("</td><td>").append(esc(String.join(", ", c.rows()))).append("</td></tr>");
        }
        h.append("</table><h2>Migrations</h2><table><tr><th>Id</th><th>Source</th><th>Destination</th><th>Status</th>"
                + "<th>Copied (all passes)</th><th>Source</th><th>Destination</th><th>Completeness</th><th>Passes</th>"
                + "<th>Last error</th></tr>");
        for (int i = 0; i < r.states().size(); i++) {
            Migration m = r.batch().migrations().get(i);
            MigrationState s = r.states().get(i);
            PassHistory ph = r.history().getOrDefault(m.id(), PassHistory.NONE);
            long src = ph.folders().stream().mapToLong(PassLog.FolderCount::sourceMessages).sum();
            long dst = ph.folders().stream().mapToLong(PassLog.FolderCount::destinationMessages).sum();
            boolean bad = ph.complete().map(c -> !c).orElse(false);
            h.append("<tr><td>").append(esc(m.id())).append("</td><td>").append(esc(r.label(m.source())))
                    .append("</td><td>").append(esc(r.label(m.destination()))).append("</td><td>")
                    .append(esc(s.status().label())).append("</td><td>").append(s.copied()).append("</td><td>")
                    .append(ph.folders().isEmpty() ? "" : src).append("</td><td>").append(ph.folders().isEmpty() ? "" : dst)
                    .append("</td><td").append(bad ? " class=\"bad\"" : "").append(">").append(esc(ph.completeText()))
                    .append("</td><td>").append(ph.passes().size()).append("</td><td>").append(esc(s.lastError().orElse("")))
                    .append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        Files.writeString(file, h, StandardCharsets.UTF_8);
    }

    private static JFreeChart statusChart(BatchReport r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        r.counts().forEach((k, v) -> d.addValue(v, "migrations", k.label()));
        return ChartFactory.createBarChart("Migrations by status", null, "migrations", d, PlotOrientation.VERTICAL,
                false, false, false);
    }

    private static JFreeChart completenessChart(BatchReport r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Migration m : r.batch().migrations()) {
            PassHistory ph = r.history().getOrDefault(m.id(), PassHistory.NONE);
            if (ph.folders().isEmpty()) {
                continue;
            }
            d.addValue(ph.folders().stream().mapToLong(PassLog.FolderCount::sourceMessages).sum(), "source", m.id());
            d.addValue(ph.folders().stream().mapToLong(PassLog.FolderCount::destinationMessages).sum(), "destination", m.id());
        }
        return ChartFactory.createBarChart("Messages: source and destination (last completeness check)", null, "messages", d,
                PlotOrientation.HORIZONTAL, true, false, false);
    }

    /** Messages/s and MB/s of the batch's rows together over every run, from the stored history. */
    private static JFreeChart throughputChart(BatchReport r) {
        org.jfree.data.time.TimeSeries messages = new org.jfree.data.time.TimeSeries("messages/s");
        org.jfree.data.time.TimeSeries megabytes = new org.jfree.data.time.TimeSeries("MB/s");
        for (ThroughputLog.Rate rate : ThroughputLog.rates(r.throughput(), java.time.Duration.ofMillis(ThroughputLog.PERIOD_MS))) {
            var second = new org.jfree.data.time.Second(java.util.Date.from(rate.at()));
            messages.addOrUpdate(second, rate.messagesPerSecond());
            megabytes.addOrUpdate(second, rate.bytesPerSecond() / 1e6);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Throughput over time (all runs)", null, "messages/s",
                new org.jfree.data.time.TimeSeriesCollection(messages), true, false, false);
        var plot = chart.getXYPlot();
        plot.setRangeAxis(1, new org.jfree.chart.axis.NumberAxis("MB/s"));
        plot.setDataset(1, new org.jfree.data.time.TimeSeriesCollection(megabytes));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false));
        return chart;
    }

    private static String img(JFreeChart chart, String alt) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, 760, 320);
        return "<p><img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png.toByteArray()) + "\"></p>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
