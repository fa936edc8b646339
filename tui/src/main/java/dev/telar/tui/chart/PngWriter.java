package dev.telar.tui.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Puts a chart in a PNG file: drawn into a hidden temporary file beside the target, then moved onto
 * it in one step, so that the target's name never holds half a picture: a failure (disk full, no
 * fonts) removes the temporary file; only a JVM killed outright can leave it.
 */
public final class PngWriter {
    private PngWriter() {
    }

    /**
     * Writes {@code chart} at {@link Charts#WIDTH}×{@link Charts#HEIGHT} pixels to {@code file},
     * replacing it when present (callers decide whether they may).
     *
     * @throws IOException when the directory is not writable or the drawing could not be stored
     */
    public static void write(JFreeChart chart, Path file) throws IOException {
        write(chart, file, Charts.WIDTH, Charts.HEIGHT);
    }

    /** As {@link #write(JFreeChart, Path)}, at {@code width}×{@code height} pixels. */
    public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, chart, width, height);
            } catch (RuntimeException | java.awt.AWTError | InternalError noGraphics) {
                // A JDK without fonts or font configuration cannot draw text even headless.
                throw new IOException("cannot draw the chart: " + noGraphics.getMessage(), noGraphics);
            }
            // A temporary file is private to its owner; a picture to share is readable like any other file.
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // elsewhere the file system's own default stands
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
