package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatTicksTest {
    @Test
    void byteParserAgreesWithTheTextParser() {
        String stat = "cpu  10 20 30 40 50 60 70 80 0 0\n"
                + "cpu0 1 2 3 4 5 6 7 8 0 0\n"
                + "cpu1 11 12 13 14 15 16 17 18 0 0\n"
                + "cpu12 123456789012 2 3 4 5 6 7 8 9 10\n"
                + "intr 1 2 3\nctxt 99\ncpufake 1\n";
        byte[] b = stat.getBytes(StandardCharsets.US_ASCII);
        long[][] fast = ProcStatTicks.parse(b, b.length);
        assertThat(fast).isDeepEqualTo(ProcParsers.parseCoreTicks(stat));
        assertThat(fast).hasNumberOfRows(3);
        assertThat(fast[2][0]).isEqualTo(123456789012L);
    }

    @Test
    void liveCountersMatchOshiWithinAFewTenthsOfASecond() {
        OshiFacts facts = new OshiFacts();
        long[][] ours = new ProcStatTicks(Path.of("/proc")).read();
        long[][] oshi = facts.read();
        long msPerTick = 1000 / Kernel.clockTicksPerSecond(); // OSHI reports these counters in milliseconds
        assertThat(ours).hasNumberOfRows(oshi.length);
        for (int core = 0; core < ours.length; core++) {
            long a = java.util.Arrays.stream(ours[core]).sum() * msPerTick;
            long b = java.util.Arrays.stream(oshi[core]).sum();
            // Read a moment apart: totals differ only by the time that elapsed in between.
            assertThat(Math.abs(a - b)).as("core %d: ours %d ms, OSHI %d ms", core, a, b).isLessThan(500);
        }
    }
}
