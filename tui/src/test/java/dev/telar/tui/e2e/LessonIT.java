package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.probe.ProcessIdentity;
import dev.telar.tui.RunLeftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lesson as a projector loop in a real 80×24 terminal: {@code telar lesson --part 5 --autoplay 1
 * --budget 0.05 --readonly} measures the machine, starts at the fifth part (step 11), plays every
 * step to the 17th and starts again at the first; a refused key says so; q asks and y quits. (Every
 * step's screen is checked by the render tests on a real run's events; here the terminal, the
 * keys, the loop and the clean exit are, so the child-heavy parts 2 to 4 are not played twice.) Afterwards no process Telar started is
 * alive (the lab JVM, the steps' child JVMs), no run directory is left in the settings' {@code ipc.dir}
 * (inside the test's directory, so it can be looked at), and the terminal is the shell's again.
 */
class LessonIT {
    /** Longest one step may take to show its figures and move on, at the smallest budget, on a machine shared with builds (the exchange step alone starts 20 JVMs). */
    private static final Duration STEP = Duration.ofSeconds(120);

    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    @Timeout(480)
    void autoplayPlaysFromPartFiveLoopsToStepOneAndQuitsCleanAfterAConfirmation() throws Exception {
        pane.resize(80, 24);
        String marker = "before-telar-" + Long.toHexString(System.nanoTime());
        pane.type("echo " + marker);
        pane.waitFor(s -> s.lines().anyMatch(l -> l.equals(marker)), "the marker line");
        Path ipc = pane.dir().resolve("ipc");
        Files.writeString(pane.dir().resolve("config.yaml"), "ipc:\n  dir: " + ipc + "\n");
        ProcessHandle telar = pane.startTelar("TELAR_CONFIG=\"$T/config.yaml\"",
                "lesson --part 5 --autoplay 1 --budget 0.05 --readonly", s -> s.contains("step 11 of 17"), "the fifth part's first step")
                .process();
        Set<ProcessIdentity> started = new LinkedHashSet<>();
        pane.key("x");
        pane.waitFor(s -> s.contains("read-only: only the step keys work"), "the refusal of x");
        for (int k = 12; k <= 17; k++) {
            String step = "step " + k + " of 17";
            pane.waitFor(s -> noteDescendants(telar, started) && s.contains(step), step, STEP);
        }
        pane.waitFor(s -> noteDescendants(telar, started) && s.contains("step 1 of 17"), "the first step again", STEP);
        assertThat(started).as("the lab and the steps' children were seen").isNotEmpty();

        pane.key("q");
        pane.waitFor(s -> s.contains("Quit the lesson? y yes, n no"), "the question");
        pane.key("y");
        telar.onExit().get(TmuxPane.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(pane.exitStatusOfLastCommand()).as("exit status").isZero();
        assertThat(pane.screen()).as("alternate screen left: earlier shell output is back").contains(marker);
        assertThat(pane.cursorVisible()).as("cursor visible").isTrue();

        // The lab leaves with the dashboard; give it the moment its own teardown takes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.stream().anyMatch(ProcessIdentity::isAlive) && System.nanoTime() < deadline) {
            TmuxPane.pause(100);
        }
        assertThat(started).as("processes Telar started, alive after it quit").noneMatch(ProcessIdentity::isAlive);
        assertThat(ShutdownIT.processesNaming(ipc)).as("processes whose command line names the run parent").isEmpty();
        RunLeftovers.assertNothingLeftIn(ipc);
    }

    /** Adds Telar's descendants now alive (pid and start time) to {@code seen}; always true, for use in a wait. */
    private static boolean noteDescendants(ProcessHandle telar, Set<ProcessIdentity> seen) {
        telar.descendants().map(p -> ProcessIdentity.of(p.pid())).flatMap(Optional::stream).forEach(seen::add);
        return true;
    }
}
