package org.mailmigrator.ui.internal.dashboard;

import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Second;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.swt.SWTGraphics2D;
import org.mailmigrator.batch.report.ThroughputLog;

/**
 * Messages per second and MB per second of every running migration together, over the last ten minutes: a
 * JFreeChart time series chart (two axes) painted on an SWT canvas through SWTGraphics2D. It starts from the
 * history stored in the workspace ({@link ThroughputLog}), so it survives closing the view or the workbench.
 */
final class ThroughputChart {
    static final int KEEP_SECONDS = 600;

    private final TimeSeries messages = new TimeSeries("messages/s");
    private final TimeSeries megabytes = new TimeSeries("MB/s");
    private final JFreeChart chart;
    private final Canvas canvas;
    private double lastMessages;
    private double lastMegabytes;
    private int fromHistory;

    ThroughputChart(Composite parent) {
        messages.setMaximumItemAge(KEEP_SECONDS);
        megabytes.setMaximumItemAge(KEEP_SECONDS);
        chart = ChartFactory.createTimeSeriesChart("Throughput", null, "messages/s", new TimeSeriesCollection(messages),
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        NumberAxis mb = new NumberAxis("MB/s");
        plot.setRangeAxis(1, mb);
        plot.setDataset(1, new TimeSeriesCollection(megabytes));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, false));
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(e -> {
            var size = canvas.getSize();
            if (size.x < 10 || size.y < 10) {
                return;
            }
            SWTGraphics2D g2 = new SWTGraphics2D(e.gc);
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, size.x, size.y));
            } finally {
                g2.dispose();
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    /** One sample (summed over batches) for this second; repaints. */
    void add(double messagesPerSecond, double bytesPerSecond) {
        Second now = new Second(new Date());
        lastMessages = messagesPerSecond;
        lastMegabytes = bytesPerSecond / 1e6;
        messages.addOrUpdate(now, lastMessages);
        megabytes.addOrUpdate(now, lastMegabytes);
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    /**
     * The stored history (summed over batches): its last {@link #KEEP_SECONDS} up to its newest point, so that a
     * reopened dashboard or a restarted workbench shows what ran before; live samples follow.
     */
    void history(List<ThroughputLog.Rate> rates) {
        if (rates.isEmpty()) {
            return;
        }
        Instant newest = rates.get(rates.size() - 1).at();
        for (ThroughputLog.Rate r : rates) {
            if (r.at().isAfter(newest.minusSeconds(KEEP_SECONDS))) {
                Second at = new Second(Date.from(r.at()));
                messages.addOrUpdate(at, r.messagesPerSecond());
                megabytes.addOrUpdate(at, r.bytesPerSecond() / 1e6);
                fromHistory++;
            }
        }
        canvas.redraw();
    }

    /** Points of the chart that came from the stored history. */
    int historySamples() {
        return fromHistory;
    }

    /** The chart's points as drawn: second, messages/s and MB/s (for checks against the stored history). */
    List<ThroughputLog.Rate> points() {
        List<ThroughputLog.Rate> out = new java.util.ArrayList<>();
        for (int i = 0; i < messages.getItemCount(); i++) {
            var period = messages.getTimePeriod(i);
            Number mb = megabytes.getValue(period);
            out.add(new ThroughputLog.Rate(Instant.ofEpochMilli(period.getFirstMillisecond()),
                    messages.getValue(i).doubleValue(), mb == null ? Double.NaN : mb.doubleValue() * 1e6));
        }
        return out;
    }

    int samples() {
        return messages.getItemCount();
    }

    double lastMessagesPerSecond() {
        return lastMessages;
    }
}
