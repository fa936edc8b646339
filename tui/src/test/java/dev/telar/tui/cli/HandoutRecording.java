package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.tui.handout.HandoutFigures;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.mechanism.ExchangeLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One real handout run ({@code telar lesson --handout} in both languages, at the smallest budget:
 * calibration, the 17 steps and two sweeps on the real engine, child JVMs and Chronicle files
 * included), made once per test JVM and shared: the handout tests read its files, the lesson's
 * render tests play its recorded lab events back through the view. One run instead of two keeps
 * about half a minute off the suite. Its temporary directory is removed when the JVM exits.
 */
public final class HandoutRecording {
    private static HandoutRecording made;

    /** The handout's exit code. */
    public final int code;
    /** What it printed on standard output and standard error. */
    public final String out;
    public final String err;
    /** The figures it measured (null when it failed before measuring). */
    public final HandoutFigures figures;
    /** Where the handout was written, and the lab's run parent (owner-only). */
    public final Path dir;
    public final Path runParent;
    /** Every lab event of the run, in order, the sweeps' last. */
    public final List<LabEvent> events;

    private HandoutRecording(int code, String out, String err, HandoutFigures figures, Path dir, Path runParent,
                             List<LabEvent> events) {
        this.code = code;
        this.out = out;
        this.err = err;
        this.figures = figures;
        this.dir = dir;
        this.runParent = runParent;
        this.events = events;
    }

    /** The run, made on first use (75-110 s on two cores shared with other builds). */
    public static synchronized HandoutRecording get() throws IOException {
        if (made == null) {
            made = record();
        }
        return made;
    }

    private static HandoutRecording record() throws IOException {
        Path tmp = Files.createTempDirectory("telar-handout-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(tmp), "telar-handout-test-clean"));
        Path dir = tmp.resolve("handout");
        // The lab's run directories go in a private place, as Telar's own (IpcPlace) is.
        Path runParent = Files.createDirectory(tmp.resolve("runs"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        AtomicReference<HandoutFigures> measured = new AtomicReference<>();
        List<LabEvent> events = Collections.synchronizedList(new ArrayList<>());
        int code = LessonHandout.run(runParent, ExchangeLimits.defaults(), dir, LessonSizes.MIN_BUDGET,
                List.of(Language.ES, Language.EN), new PrintWriter(o, true), new PrintWriter(e, true), measured::set,
                events::add);
        return new HandoutRecording(code, o.toString(), e.toString(), measured.get(), dir, runParent, List.copyOf(events));
    }

    private static void remove(Path tmp) {
        try (Stream<Path> left = Files.walk(tmp)) {
            left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // Leaving a temporary directory is all that can go wrong at exit.
        }
    }
}
