package org.apache.camel.component.mimecast.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the latency ratios (elapsed over calls x latency) as grouped bars, one panel per scenario, with the JDK only.
 */
final class LatencyPlot {

    private static final int WIDTH = PerformancePlot.WIDTH;
    private static final int HEIGHT = PerformancePlot.HEIGHT;
    private static final Color[] COLORS = PerformancePlot.COLORS;

    private LatencyPlot() {
    }

    static void write(List<LatencyReport.Row> rows, Path png) throws IOException {
        PerformancePlot.writePng(png, g -> {
            panel(g, 0, "changes poll, 10 groups x 2,000", rows);
            panel(g, WIDTH / 2, "2,000 adds", rows);
        });
    }

    private static void panel(Graphics2D g, int x0, String scenario, List<LatencyReport.Row> all) {
        List<LatencyReport.Row> rows = all.stream()
                .filter(r -> scenario.startsWith(r.scenario()) && r.latencyMillis() > 0).toList();
        int left = x0 + 60;
        int right = x0 + WIDTH / 2 - 20;
        int top = 60;
        int bottom = HEIGHT - 60;
        double max = 1.2;
        PerformancePlot.axes(g, scenario + ": time / (calls x latency)", left, right, top, bottom);
        for (int i = 0; i <= 6; i++) {
            double value = max * i / 6;
            int y = bottom - (int) ((bottom - top) * value / max);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.1f", value), x0 + 20, y + 4);
        }
        int target = bottom - (int) ((bottom - top) * 0.35 / max);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 4f }, 0f));
        g.drawLine(left, target, right, target);
        g.drawString("0.35", right - 30, target - 4);
        g.setStroke(new BasicStroke(1f));
        int latencies = LatencyReport.LATENCIES.length - 1;
        int slot = (right - left) / latencies;
        int bar = slot / (LatencyReport.CONCURRENCY.length + 1);
        for (int l = 1; l < LatencyReport.LATENCIES.length; l++) {
            int latency = LatencyReport.LATENCIES[l];
            int slotLeft = left + (l - 1) * slot + bar / 2;
            g.setColor(Color.BLACK);
            g.drawString(latency + " ms", slotLeft + bar, bottom + 18);
            for (int c = 0; c < LatencyReport.CONCURRENCY.length; c++) {
                int concurrency = LatencyReport.CONCURRENCY[c];
                double ratio = rows.stream().filter(r -> r.latencyMillis() == latency
                                                         && r.maxConcurrentCalls() == concurrency)
                        .mapToDouble(LatencyReport.Row::ratio).findFirst().orElse(0);
                int height = (int) ((bottom - top) * Math.min(ratio, max) / max);
                g.setColor(COLORS[c]);
                g.fillRect(slotLeft + c * bar, bottom - height, bar - 4, height);
            }
        }
        for (int c = 0; c < LatencyReport.CONCURRENCY.length; c++) {
            g.setColor(COLORS[c]);
            g.fillRect(right - 150, top + 18 * c - 8, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString("maxConcurrentCalls " + LatencyReport.CONCURRENCY[c], right - 132, top + 18 * c + 3);
        }
    }
}
