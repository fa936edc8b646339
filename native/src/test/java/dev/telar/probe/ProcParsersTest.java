package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcParsersTest {
    // A real line from a JVM's main thread, with the 52 fields a 6.x kernel writes.
    static final String JAVA_STAT = "2376 (java) S 2369 2376 2369 34816 2376 4194560 4890 0 12 0 "
            + "116 31 0 0 20 0 23 0 34012 3868610560 30654 18446744073709551615 94386 94387 "
            + "140727 0 0 0 0 4096 16796879 0 0 0 17 1 0 0 0 0 0 94388 94389 94390 140728 140729 "
            + "140729 140730 0\n";

    @Test
    void statFieldsAreCountedFromTheLastParenthesis() {
        TaskStat s = ProcParsers.parseStat(JAVA_STAT);
        assertThat(s).isEqualTo(new TaskStat(2376, "java", 'S', 2369, 116, 31, 23, 34012, 30654, 1));
        assertThat(s.cpuTicks()).isEqualTo(147);
    }

    @Test
    void namesWithSpacesAndParenthesesDoNotShiftFields() {
        String line = JAVA_STAT.replace("(java)", "(Web (Content) x)");
        TaskStat s = ProcParsers.parseStat(line);
        assertThat(s.name()).isEqualTo("Web (Content) x");
        assertThat(s.ppid()).isEqualTo(2369);
        assertThat(s.processor()).isEqualTo(1);
        assertThat(s.rssPages()).isEqualTo(30654);
    }

    @Test
    void oldKernelWithoutProcessorFieldReportsMinusOne() {
        // Cut the line after field 30: processor (39) is missing.
        String[] parts = JAVA_STAT.trim().split(" ");
        String shortLine = String.join(" ", java.util.Arrays.copyOf(parts, 30));
        TaskStat s = ProcParsers.parseStat(shortLine);
        assertThat(s.processor()).isEqualTo(-1);
        assertThat(s.threads()).isEqualTo(23);
    }

    @Test
    void garbageIsRejectedNotMisread() {
        assertThat(ProcParsers.parseStat("")).isNull();
        assertThat(ProcParsers.parseStat("12 (x) S 1 2 3")).isNull();
        assertThat(ProcParsers.parseStat("no parentheses here")).isNull();
    }

    @Test
    void coreTicksSkipTheAggregateLine() {
        String stat = "cpu  10 20 30 40 50 60 70 80 0 0\n"
                + "cpu0 1 2 3 4 5 6 7 8 0 0\n"
                + "cpu1 11 12 13 14 15 16 17 18 0 0\n"
                + "intr 12345\nctxt 99\n";
        long[][] ticks = ProcParsers.parseCoreTicks(stat);
        assertThat(ticks).hasNumberOfRows(2);
        assertThat(ticks[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(ticks[1]).containsExactly(11, 12, 13, 14, 15, 16, 17, 18);
    }

    @Test
    void meminfoUsesAvailableAndFallsBackToFree() {
        String modern = "MemTotal:       24683620 kB\nMemFree:        23000000 kB\nMemAvailable:   24308380 kB\n";
        MemoryInfo m = ProcParsers.parseMeminfo(modern);
        assertThat(m.totalBytes()).isEqualTo(24683620L * 1024);
        assertThat(m.availableBytes()).isEqualTo(24308380L * 1024);
        assertThat(m.usedBytes()).isEqualTo((24683620L - 24308380L) * 1024);
        MemoryInfo old = ProcParsers.parseMeminfo("MemTotal: 1000 kB\nMemFree: 400 kB\n");
        assertThat(old.availableBytes()).isEqualTo(400 * 1024);
    }

    @Test
    void loadavgUptimeUidAndCmdline() {
        assertThat(ProcParsers.parseLoadavg("0.52 1.07 2.50 3/456 7890\n")).containsExactly(0.52, 1.07, 2.50);
        assertThat(ProcParsers.parseUptime("340.77 650.12\n")).isEqualTo(340);
        assertThat(ProcParsers.parseStatusUid("Name:\tbash\nUmask:\t0022\nState:\tS\nUid:\t1000\t1000\t1000\t1000\n"))
                .isEqualTo(1000);
        assertThat(ProcParsers.parseStatusUid("Name:\tx\n")).isEqualTo(-1);
        byte[] cmd = "java\0-jar\0telar.jar\0".getBytes(StandardCharsets.UTF_8);
        assertThat(ProcParsers.parseCmdline(cmd, cmd.length)).isEqualTo("java -jar telar.jar");
    }

    @Test
    void loadFromTickDeltas() {
        long[] before = {100, 0, 50, 800, 50, 0, 0, 0};
        long[] after = {160, 10, 70, 880, 60, 5, 5, 10};
        // user+nice 70, system+irq+softirq 30, idle+iowait 90, steal 10 -> total 200
        CoreLoad l = LoadMath.load(3, before, after, Series.empty(), 5);
        assertThat(l.core()).isEqualTo(3);
        assertThat(l.userPct()).isCloseTo(35.0, within(1e-9));
        assertThat(l.systemPct()).isCloseTo(15.0, within(1e-9));
        assertThat(l.busyPct()).isCloseTo(55.0, within(1e-9));
        assertThat(l.history().toArray()).containsExactly(55.0);
    }

    @Test
    void noElapsedTicksOrCountersGoingBackGiveZeroNotNegative() {
        long[] t = {5, 5, 5, 5, 5, 5, 5, 5};
        assertThat(LoadMath.load(0, t, t, Series.empty(), 3).busyPct()).isZero();
        long[] back = {1, 1, 1, 1, 1, 1, 1, 1};
        assertThat(LoadMath.load(0, t, back, Series.empty(), 3).busyPct()).isZero();
    }

    @Test
    void historyKeepsTheNewestValues() {
        Series s = Series.empty();
        for (int k = 1; k <= 7; k++) {
            s = s.append(k, 4);
        }
        assertThat(s.toArray()).containsExactly(4, 5, 6, 7);
        assertThat(s.last()).isEqualTo(7);
    }

    @Test
    void taskPercentOfOneCore() {
        // 150 ticks at 100 Hz in 1.5 s = 100 % of one core; 300 ticks = 200 %.
        assertThat(LoadMath.taskPercent(150, 100, 1_500_000_000L)).isCloseTo(100.0, within(1e-9));
        assertThat(LoadMath.taskPercent(300, 100, 1_500_000_000L)).isCloseTo(200.0, within(1e-9));
        assertThat(LoadMath.taskPercent(-3, 100, 1_000_000_000L)).isZero();
        assertThat(LoadMath.sum(new long[][] {{1, 2}, {3, 4}})).startsWith(4, 6);
    }
}
