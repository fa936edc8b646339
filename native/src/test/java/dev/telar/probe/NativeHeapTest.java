package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Freed C heap memory goes back to the kernel when trimmed: this process's RssAnon, from /proc. */
class NativeHeapTest {
    private static long rssAnonKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("RssAnon:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no RssAnon in /proc/self/status");
    }

    @Test
    void memoryFreedInsideAnArenaIsReturnedByATrim() throws Exception {
        long[] freedKb = new long[1];
        Throwable[] failure = new Throwable[1];
        // A fresh thread gets an arena of its own; blocks of 64 KiB stay below glibc's mmap
        // threshold, and the last one stays allocated, so nothing but a trim gives the pages back.
        Thread t = new Thread(() -> {
            try {
                List<Memory> blocks = new ArrayList<>();
                for (int i = 0; i < 1024; i++) {
                    Memory m = new Memory(64 * 1024);
                    m.clear(); // touch every page
                    blocks.add(m);
                }
                Memory keep = blocks.remove(blocks.size() - 1);
                blocks.forEach(Memory::close);
                long before = rssAnonKb();
                assertThat(NativeHeap.trim()).as("malloc_trim returned memory").isTrue();
                freedKb[0] = before - rssAnonKb();
                keep.close();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join(60_000);
        assertThat(failure[0]).isNull();
        assertThat(freedKb[0]).as("KiB of the 64 MiB freed that the trim gave back").isGreaterThan(32 * 1024);
    }
}
