package dev.telar.workloads.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.outside.Stranger;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

        List<LabEvent> back = roundTrip(LabEvent.class, sent);

        assertThat(back).containsExactlyElementsOf(sent);
        // The counters keep the order they were written in, not a hash order.
        ScenarioSnapshot snapshot = back.stream().filter(LabEvent.ScenarioUpdated.class::isInstance)
                .map(e -> ((LabEvent.ScenarioUpdated) e).snapshot()).findFirst().orElseThrow();
        assertThat(snapshot.progress().keySet()).containsExactly("total", "expected", "lost", "a");
        RunSpec spec = ((LabCommand.RunExperiment) roundTrip(LabCommand.class, LabSamples.commands()).get(0)).spec();
        assertThat(spec.cores()).containsExactly(0, 1);
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
