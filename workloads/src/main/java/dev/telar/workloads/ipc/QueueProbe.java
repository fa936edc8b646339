package dev.telar.workloads.ipc;

import java.nio.file.Path;
import java.util.Arrays;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Checks that Chronicle Queue works in this JVM (it needs the Chronicle JVM flags): writes a run of
 * numbered messages through a queue on disk and reads everything back.
 */
public final class QueueProbe {
    private QueueProbe() {
    }

    /**
     * Appends the numbers {@code 0..count-1}, one message each, to a queue in {@code dir}, then
     * reads the queue from its start until it has no more messages.
     *
     * @return every number read, in the order read
     */
    public static long[] roundTrip(Path dir, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build()) {
            ExcerptAppender appender = queue.createAppender();
            for (long i = 0; i < count; i++) {
                try (DocumentContext doc = appender.writingDocument()) {
                    doc.wire().write("seq").int64(i);
                }
            }
            long[] read = new long[Math.max(16, count)];
            int n = 0;
            ExcerptTailer tailer = queue.createTailer().toStart();
            while (true) {
                try (DocumentContext doc = tailer.readingDocument()) {
                    if (!doc.isPresent()) {
                        break;
                    }
                    if (n == read.length) {
                        read = Arrays.copyOf(read, n * 2);
                    }
                    read[n++] = doc.wire().read("seq").int64();
                }
            }
            return Arrays.copyOf(read, n);
        }
    }
}
