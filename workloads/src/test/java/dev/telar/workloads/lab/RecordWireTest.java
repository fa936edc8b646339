package dev.telar.workloads.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.outside.Stranger;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.WireOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lab's record codec, through real Chronicle Queue documents on disk. */
@Timeout(30)
class RecordWireTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandComesBackEqualThroughAQueue() {
        List<LabCommand> sent = LabSamples.commands();
        assertThat(kinds(sent)).containsExactlyInAnyOrderElementsOf(leaves(LabCommand.class));

        assertThat(roundTrip(LabCommand.class, sent)).containsExactlyElementsOf(sent);
    }

    @Test
    void everyEventComesBackEqualThroughAQueue() {
        List<LabEvent> sent = LabSamples.events();
        assertThat(kinds(sent)).containsExactlyInAnyOrderElementsOf(leaves(LabEvent.class));
        assertThat(kinds(sent.stream().filter(LabEvent.Experiment.class::isInstance)
                .map(e -> ((LabEvent.Experiment) e).event()).toList()))
                .containsExactlyInAnyOrderElementsOf(leaves(ExperimentEvent.class));
        assertThat(kinds(sent.stream().filter(LabEvent.Exchange.class::isInstance)
                .map(e -> ((LabEvent.Exchange) e).event()).toList()))
                .containsExactlyInAnyOrderElementsOf(leaves(ExchangeEvent.class));
        assertThat(kinds(sent.stream().filter(LabEvent.ScenarioUpdated.class::isInstance)
                .flatMap(e -> ((LabEvent.ScenarioUpdated) e).snapshot().state().stream()).toList()))
                .containsExactlyInAnyOrderElementsOf(leaves(SyncState.class));
        assertThat(kinds(sent.stream().filter(LabEvent.ScenarioUpdated.class::isInstance)
                .flatMap(e -> ((LabEvent.ScenarioUpdated) e).snapshot().figures().stream()).toList()))
                .containsExactlyInAnyOrderElementsOf(leaves(PrimitiveFigures.class));

        List<LabEvent> back = roundTrip(LabEvent.class, sent);

        assertThat(back).containsExactlyElementsOf(sent);
        // The lock's per-worker figures keep their order (worker 0 first), which is not a sorted one.
        LockFigures lock = back.stream().filter(LabEvent.ScenarioUpdated.class::isInstance)
                .map(e -> ((LabEvent.ScenarioUpdated) e).snapshot().figures(LockFigures.class)).findFirst()
                .orElseThrow().orElseThrow();
        assertThat(lock.numbers()).containsExactly(500_000L, 3L, 499_999L);
        RunSpec spec = ((LabCommand.RunExperiment) roundTrip(LabCommand.class, LabSamples.commands()).get(0)).spec();
        assertThat(spec.cores()).containsExactly(0, 1);
    }

    /** A map carried by a record: read back in the order written, not a hash order. */
    record Tally(Map<String, Long> counts) {
    }

    @Test
    void aMapComesBackInTheOrderWritten() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("total", 1_998_734_112L);
        counts.put("expected", 2_000_000_000L);
        counts.put("lost", 1_265_888L);
        counts.put("a", -1L);
        Tally back = roundTrip(Tally.class, List.of(new Tally(counts))).get(0);
        assertThat(back).isEqualTo(new Tally(counts));
        assertThat(back.counts().keySet()).containsExactly("total", "expected", "lost", "a");
    }

    /** Kernel and model travel as their constants' names; a name this side's enum lacks is refused, not guessed. */
    @Test
    void enumsTravelByNameAndAnUnknownConstantIsRefused() {
        RunSpec matmul = new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 2, 1, 300, 4, 1, 5, new int[0], 7);
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build()) {
            write(queue, w -> RecordWire.write(w, LabCommand.class, new LabCommand.RunExperiment(matmul, true)));
            write(queue, w -> w.write(RecordWire.TYPE).text("LabCommand.RunSweep")
                    .write("spec").marshallable(s -> s.write("kernel").text("GPU").write("model").text("SEQUENTIAL")));
            write(queue, w -> w.write(RecordWire.TYPE).text("LabCommand.RunSweep")
                    .write("spec").marshallable(s -> s.write("kernel").text("CPU").write("model").text("thread-target")));
            ExcerptTailer tailer = queue.createTailer();
            try (DocumentContext doc = tailer.readingDocument()) {
                assertThat(doc.wire().read(RecordWire.TYPE).text()).isEqualTo("LabCommand.RunExperiment");
                String[] names = new String[2];
                doc.wire().read("spec").marshallable(s -> {
                    names[0] = s.read("kernel").text();
                    names[1] = s.read("model").text();
                });
                assertThat(names).containsExactly("MATMUL", "SEQUENTIAL");
            }
            assertThatThrownBy(() -> readCommand(tailer)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kernel: unknown KernelKind 'GPU' (known: CPU, IO, MATMUL)");
            assertThatThrownBy(() -> readCommand(tailer)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("model: unknown ModelKind 'thread-target' (known: SEQUENTIAL, THREAD_TARGET, ");
        }
        assertThat(roundTrip(LabCommand.class, List.of(new LabCommand.RunSweep(matmul))))
                .containsExactly(new LabCommand.RunSweep(matmul));
    }

    /** Figures belong to their scenario's primitive: an outcome (or snapshot) mixing them cannot be built, nor read. */
    @Test
    void figuresOfAnotherPrimitiveAreRefused() {
        LockFigures lock = (LockFigures) LabSamples.figures().get(0);
        assertThatThrownBy(() -> new ScenarioOutcome(Primitive.BARRIER, Mode.THREADS, ScenarioStatus.COMPLETED,
                Optional.of(lock), true, "", 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lock figures for a barrier scenario");
    }

    @Test
    void aTypeNameOutsideTheSealedFamilyIsRefusedAndNothingIsBuilt() {
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build()) {
            write(queue, w -> w.write(RecordWire.TYPE).text("java.lang.ProcessBuilder").write("command").text("sh"));
            write(queue, w -> w.write(RecordWire.TYPE).text("LabEvent.Ready").write("pidd").int64(3));
            ExcerptTailer tailer = queue.createTailer();
            assertThatThrownBy(() -> readOne(tailer)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown LabEvent type 'java.lang.ProcessBuilder'");
            assertThatThrownBy(() -> readOne(tailer)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected field 'pid', found 'pidd'");
        }
    }

    @Test
    void aRecordOutsideTheWorkloadsIsRefused() {
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build()) {
            assertThatThrownBy(() -> write(queue, w -> RecordWire.write(w, Stranger.class, new Stranger("x"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dev.telar.outside.Stranger is outside dev.telar.workloads; only Telar's own records are carried");
            // The refused document was rolled back: the queue holds nothing.
            try (DocumentContext doc = queue.createTailer().readingDocument()) {
                assertThat(doc.isPresent()).isFalse();
            }
        }
    }

    private <T> List<T> roundTrip(Class<T> root, List<? extends T> values) {
        List<T> back = new ArrayList<>();
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir.resolve(root.getSimpleName())).build()) {
            for (T v : values) {
                write(queue, w -> RecordWire.write(w, root, v));
            }
            ExcerptTailer tailer = queue.createTailer();
            while (true) {
                try (DocumentContext doc = tailer.readingDocument()) {
                    if (!doc.isPresent()) {
                        break;
                    }
                    back.add(RecordWire.read(doc.wire(), root));
                }
            }
        }
        return back;
    }

    private static void write(ChronicleQueue queue, Consumer<WireOut> body) {
        ExcerptAppender appender = queue.createAppender();
        try (DocumentContext doc = appender.writingDocument()) {
            try {
                body.accept(doc.wire());
            } catch (RuntimeException e) {
                doc.rollbackOnClose();
                throw e;
            }
        }
    }

    private static LabCommand readCommand(ExcerptTailer tailer) {
        try (DocumentContext doc = tailer.readingDocument()) {
            assertThat(doc.isPresent()).isTrue();
            return RecordWire.read(doc.wire(), LabCommand.class);
        }
    }

    private static LabEvent readOne(ExcerptTailer tailer) {
        try (DocumentContext doc = tailer.readingDocument()) {
            assertThat(doc.isPresent()).isTrue();
            return RecordWire.read(doc.wire(), LabEvent.class);
        }
    }

    /** The classes of the values. */
    private static Set<Class<?>> kinds(List<?> values) {
        Set<Class<?>> out = new HashSet<>();
        for (Object v : values) {
            out.add(v.getClass());
        }
        return out;
    }

    /** The records that implement a sealed interface, directly or through sealed sub-interfaces. */
    private static Set<Class<?>> leaves(Class<?> sealed) {
        Set<Class<?>> out = new HashSet<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isInterface()) {
                out.addAll(leaves(sub));
            } else {
                out.add(sub);
            }
        }
        return out;
    }
}
