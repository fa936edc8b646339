package dev.telar.tui.cli;

import dev.telar.config.IpcSettings;
import dev.telar.config.Language;
import dev.telar.probe.Probe;
import dev.telar.tui.IpcPlace;
import dev.telar.tui.chart.Charts;
import dev.telar.tui.handout.HandoutDir;
import dev.telar.tui.handout.HandoutFigures;
import dev.telar.tui.handout.HandoutRun;
import dev.telar.tui.handout.HostDescription;
import dev.telar.tui.handout.HandoutWriter;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.mechanism.ExchangeLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code telar lesson --handout DIR}: every step of the lesson run headless by a lab engine in this
 * JVM (as {@link LabJob} runs one job), then the handout written in the chosen language. Progress
 * goes to standard error, one line a step; standard output gets only the path of the file written.
 * The directory is checked before anything runs; Ctrl-C, SIGTERM and SIGHUP cancel the job in
 * progress and leave the directory as it was.
 */
final class LessonHandout {
    private static final Logger LOG = LoggerFactory.getLogger(LessonHandout.class);

    private LessonHandout() {
    }

    /**
     * Runs the handout.
     *
     * @return the exit code: 0 written, {@link Cli#USAGE} for a directory that cannot take it,
     *         {@link Cli#FAILURE} when the lesson could not be measured or written, 130 when interrupted
     */
    static int run(CommandSpec command, Path dir, double budgetSeconds, Language language, PrintWriter out,
                   PrintWriter err) {
        IpcSettings ipc = ExchangeCommand.ipcSettings(command);
        return run(IpcPlace.parentDir(ipc, System.getenv()), IpcPlace.limits(ipc), dir, budgetSeconds, List.of(language),
                out, err, figures -> { }, event -> { });
    }

    /**
     * Runs the handout once and writes it in each of {@code languages} from the same figures.
     *
     * @param runParent where the lab's exchange runs and process scenarios make their run directories
     * @param limits    back-pressure and disk cap of the exchange runs
     * @param languages the handout's languages; the first is that of the progress and error lines
     * @param measured  told the figures once measured, before anything is written (the tests compare)
     * @param witness   told every lab event of the run, in order, before the handout reads it (the
     *                  tests play a real run's events back through the lesson view)
     */
    static int run(Path runParent, ExchangeLimits limits, Path dir, double budgetSeconds, List<Language> languages,
                   PrintWriter out, PrintWriter err, Consumer<HandoutFigures> measured, Consumer<LabEvent> witness) {
        // Before any class of AWT loads: the charts are drawn without a display.
        Charts.headless();
        Texts texts = Texts.of(languages.get(0));
        HandoutDir target;
        try {
            target = HandoutDir.open(dir, HandoutWriter.names(languages));
        } catch (HandoutDir.Refused refused) {
            err.println(texts.format(refused.key(), refused.path()));
            return Cli.USAGE;
        }
        AtomicBoolean signalled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread worker = Thread.currentThread();
        try (LabEngine lab = new LabEngine(runParent, limits, Optional.empty())) {
            // Before the first job: a witness sees every event the figures are read from.
            lab.subscribe(witness::accept);
            Thread stopper = new Thread(() -> {
                StopOnExit.cancelAndWait(() -> {
                    signalled.set(true);
                    lab.send(new LabCommand.Cancel());
                    worker.interrupt();
                }, t -> finished.await(t.toMillis(), TimeUnit.MILLISECONDS));
                target.discard();
            }, "telar-handout-cancel");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                HostDescription host = HostDescription.of(Probe.live());
                HandoutFigures figures = new HandoutRun(lab, texts, line -> {
                    err.println(line);
                    err.flush();
                }).run(budgetSeconds, host, Clock.systemUTC());
                measured.accept(figures);
                List<Path> written = HandoutWriter.write(figures, languages, TelarVersion.version(), target);
                target.commit();
                written.forEach(out::println);
                return 0;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is cancelling and cleaning up.
                }
            }
        } catch (HandoutRun.CalibrationFailed failed) {
            err.println(texts.format("cli.handout.calibration", Problems.text(failed.problem(), texts)));
            return Cli.FAILURE;
        } catch (InterruptedException interrupted) {
            err.println(texts.get("cli.handout.cancelled"));
            return 130;
        } catch (IOException | RuntimeException failed) {
            if (signalled.get()) {
                err.println(texts.get("cli.handout.cancelled"));
                return 130;
            }
            LOG.warn("the handout failed", failed);
            err.println(texts.format("cli.handout.failed", Errors.oneLine(String.valueOf(failed.getMessage()))));
            return Cli.FAILURE;
        } finally {
            target.discard();
            finished.countDown();
        }
    }
}
