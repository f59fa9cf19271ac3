package org.apache.camel.component.mimecast.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

/**
 * Draws time and heap against directory size (log scale) as a PNG, with the JDK only.
 */
final class PerformancePlot {

    static final int WIDTH = 1000;
    static final int HEIGHT = 420;
    static final Color[] COLORS = {
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40) };

    private PerformancePlot() {
    }

    static void write(List<ScaleReport.Row> rows, Path png) throws IOException {
        writePng(png, g -> {
            panel(g, 0, "Time (ms)", rows, List.of("paginate=true read", "snapshot consumer poll",
                    "changes poll (1% churn)"),
                    List.of(r -> r.paginateMillis(), r -> r.snapshotMillis(), r -> r.changesPollMillis()));
            panel(g, WIDTH / 2, "Heap (MB)", rows, List.of("paginate=true: list retained", "snapshot: peak live growth"),
                    List.of(r -> r.paginateRetainedBytes() / 1e6, r -> r.snapshotPeakLiveBytes() / 1e6));
        });
    }

    /** A white, antialiased WIDTH x HEIGHT canvas, drawn on by {@code draw}, written as a PNG. */
    static void writePng(Path png, Consumer<Graphics2D> draw) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        draw.accept(g);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, int x0, String title, List<ScaleReport.Row> rows, List<String> labels,
                              List<ToDoubleFunction<ScaleReport.Row>> series) {
        int left = x0 + 70;
        int right = x0 + WIDTH / 2 - 20;
        int top = 50;
        int bottom = HEIGHT - 60;
        double max = 0;
        for (ToDoubleFunction<ScaleReport.Row> s : series) {
            for (ScaleReport.Row r : rows) {
                max = Math.max(max, s.applyAsDouble(r));
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        axes(g, title + " vs members (log scale)", left, right, top, bottom);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.0f", max * i / 4), x0 + 10, y + 4);
        }
        double minLog = Math.log10(rows.get(0).members());
        double maxLog = Math.log10(rows.get(rows.size() - 1).members());
        for (ScaleReport.Row r : rows) {
            int x = xOf(r.members(), left, right, minLog, maxLog);
            g.drawString(String.format("%,d", r.members()), x - 15, bottom + 18);
        }
        for (int s = 0; s < series.size(); s++) {
            g.setColor(COLORS[s]);
            g.setStroke(new BasicStroke(2.5f));
            int px = -1;
            int py = -1;
            for (ScaleReport.Row r : rows) {
                int x = xOf(r.members(), left, right, minLog, maxLog);
                int y = bottom - (int) ((bottom - top) * series.get(s).applyAsDouble(r) / max);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.fillRect(left + 10, top + 8 + 18 * s, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(s), left + 28, top + 18 + 18 * s);
        }
    }

    /** A panel's title and its two axes; the labels are left in the plain font. */
    static void axes(Graphics2D g, String title, int left, int right, int top, int bottom) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
    }

    private static int xOf(int members, int left, int right, double minLog, double maxLog) {
        double t = maxLog == minLog ? 0.5 : (Math.log10(members) - minLog) / (maxLog - minLog);
        return left + 20 + (int) ((right - left - 40) * t);
    }
}
