package dev.telar.workloads.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.ipc.DiskFullException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Problems: their shape, what an error says as one, and the line a child writes. */
@Timeout(10)
class ProblemTest {
    private static final Problem FULL = Problem.of(ProblemCode.DISK_FULL_JOURNAL, "a-to-b", "/tmp/run 1", "0 B", "260 KiB");

    @Test
    void aProblemHasExactlyItsCodesArgumentsAndACauseExactlyWhenTheCodeTakesOne() {
        assertThat(Problem.of(ProblemCode.LAB_KILLED, 42, 137).args()).containsExactly("42", "137");
        assertThatThrownBy(() -> Problem.of(ProblemCode.LAB_KILLED, 42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LAB_KILLED takes 2 arguments, got 1");
        assertThatThrownBy(() -> Problem.of(ProblemCode.LAB_UNWRITABLE, 42)).hasMessage("LAB_UNWRITABLE needs cause");
        assertThatThrownBy(() -> Problem.because(FULL, ProblemCode.LAB_CLOSED, 42)).hasMessage("LAB_CLOSED takes no cause");
        assertThat(Problem.because(FULL, ProblemCode.LAB_UNWRITABLE, 42).cause()).contains(FULL);
        assertThat(Problem.NONE.isNone()).isTrue();
        assertThat(Problem.CANCELLED.isNone()).isFalse();
    }

    @Test
    void anErrorSaysTheProblemItCarriesAFullDiskOrItsOwnFirstLine() {
        assertThat(Problem.of(new IllegalStateException("wrapped", new ProblemException(FULL)))).isEqualTo(FULL);
        assertThat(Problem.of(new DiskFullException(FULL))).isEqualTo(FULL);
        assertThat(Problem.of(new IllegalStateException("cannot write", new IOException("No space left on device\nat 2"))))
                .isEqualTo(Problem.of(ProblemCode.DISK_FULL, "No space left on device"));
        assertThat(Problem.of(new IllegalStateException("boom\nsecond line")))
                .isEqualTo(Problem.of(ProblemCode.ERROR, "boom"));
        assertThat(Problem.of(new NullPointerException())).isEqualTo(Problem.of(ProblemCode.ERROR, "NullPointerException"));
        assertThat(new ProblemException(FULL).getMessage()).isEqualTo("DISK_FULL_JOURNAL[a-to-b, /tmp/run 1, 0 B, 260 KiB]");
    }

    @Test
    void aProblemAndItsCausesComeBackFromTheLineAChildWrites() {
        Problem died = Problem.because(Problem.because(FULL, ProblemCode.LAB_UNSENDABLE),
                ProblemCode.EXCHANGE_CHILD_FAILED_SAYING, 1, 77, "", 11, 12);
        String line = died.toLine();
        assertThat(line).startsWith(Problem.LINE_PREFIX + "\tEXCHANGE_CHILD_FAILED_SAYING\t5\t1\t77\t\t11\t12\t")
                .doesNotContain("\n");
        assertThat(Problem.fromLine(line)).contains(died);
        assertThat(died.diskFull()).contains(FULL);
        assertThat(Problem.of(ProblemCode.LAB_CLOSED, 3).diskFull()).isEmpty();

        // Tabs and line breaks inside an argument cannot break the line; they read back as spaces.
        assertThat(Problem.fromLine(Problem.of(ProblemCode.ERROR, "a\tb\nc").toLine()))
                .contains(Problem.of(ProblemCode.ERROR, "a b c"));
        for (String other : List.of("", "OutOfMemoryError: Java heap space", Problem.LINE_PREFIX,
                Problem.LINE_PREFIX + "\tNO_SUCH_CODE\t0", Problem.LINE_PREFIX + "\tLAB_KILLED\t1\t42",
                Problem.LINE_PREFIX + "\tLAB_KILLED\t3\t42\t137", Problem.LINE_PREFIX + "\tLAB_UNWRITABLE\t1\t42")) {
            assertThat(Problem.fromLine(other)).as(other).isEqualTo(Optional.empty());
        }
    }
}
