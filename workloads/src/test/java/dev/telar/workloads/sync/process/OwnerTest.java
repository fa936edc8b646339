package dev.telar.workloads.sync.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Owner words and the /proc stat parsing that liveness rests on. */
class OwnerTest {
    @ParameterizedTest
    @CsvSource({"1, 1, 0", "4194303, 262143, 16777215", "32768, 2, 123456789", "4321, 1, 99"})
    void wordsKeepPidTagAndStart(long pid, long tag, long start) {
        long w = Owner.word(pid, tag, start);
        assertThat(w).isNotZero();
        assertThat(Owner.pid(w)).isEqualTo(pid);
        assertThat(Owner.tag(w)).isEqualTo(tag);
        assertThat(Owner.start(w)).isEqualTo(start & 0xFFFFFF);
    }

    @Test
    void participantsAreNamedByPidAndThreadTag() {
        assertThat(Owner.participant(Owner.word(4321, 1, 5)).name()).isEqualTo("pid 4321");
        assertThat(Owner.participant(Owner.word(4321, 2, 5)).name()).isEqualTo("pid 4321#2");
    }

    @Test
    void pidsBeyondLinuxsLimitAreRefused() {
        assertThatThrownBy(() -> Owner.word(1L << 22, 1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void threadsOfThisJvmHaveDistinctLiveWords() throws Exception {
        long mine = Owner.current();
        long[] other = new long[1];
        Thread t = new Thread(() -> other[0] = Owner.current());
        t.start();
        t.join();
        assertThat(other[0]).isNotEqualTo(mine);
        assertThat(Owner.pid(mine)).isEqualTo(ProcessHandle.current().pid());
        assertThat(Owner.isAlive(mine)).isTrue();
        assertThat(Owner.isOwnProcess(other[0])).isTrue();
    }

    @Test
    void aPidThatIsGoneOrReusedIsDead() {
        assertThat(Owner.isAlive(Owner.word(Owner.MAX_PID, 1, 0))).as("no such pid").isFalse();
        long init = ProcessIdentity.startTicksOf(1);
        if (init != ProcessIdentity.GONE && init != ProcessIdentity.UNKNOWN) {
            assertThat(Owner.isAlive(Owner.word(1, 1, init))).isTrue();
            assertThat(Owner.isAlive(Owner.word(1, 1, init + 1))).as("same pid, another start time").isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234 (java) S 1 1234 1234 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 987654 100000 200 18446744073709551615|987654",
        "42 (my (odd) name) R 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 77 0 0 0|77",
        "43 (zombie) Z 1 43 43 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 88 0 0 0|-1",
        "44 (dead) X 1 44 44 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 99 0 0 0|-1"})
    void statLinesGiveTheStartTimeOrGone(String line, long expected) {
        assertThat(ProcessIdentity.parseStartTicks(line)).isEqualTo(expected);
    }
}
