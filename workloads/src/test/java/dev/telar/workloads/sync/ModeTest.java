package dev.telar.workloads.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line words of the three modes, and the error for any other word. */
class ModeTest {
    @ParameterizedTest
    @CsvSource({"threads,THREADS", "Thread,THREADS", "t,THREADS", "processes,PROCESSES", "P,PROCESSES",
            "remote,REMOTE", "R,REMOTE"})
    void eachModeHasItsWords(String word, Mode mode) {
        assertThat(Mode.parse(word)).isEqualTo(mode);
        assertThat(Mode.parse(mode.label())).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fibers", "", "remotes"})
    void anyOtherWordIsRefusedNamingTheValidOnes(String word) {
        assertThatThrownBy(() -> Mode.parse(word)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown mode '" + word + "' (threads, processes, remote)");
    }
}
