package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The liveness rule on real processes: a live child is alive, a killed one is not, a pid with another start time is another process. */
class ProcessIdentityTest {
    @Test
    void aKilledChildIsDeadAndARecycledPidIsNotTakenForIt() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessIdentity child = ProcessIdentity.of(sleeper.pid()).orElseThrow();
            assertThat(child.isAlive()).isTrue();
            assertThat(new ProcessIdentity(sleeper.pid(), child.startTicks() + 1).isAlive())
                    .as("same pid, other start time").isFalse();
            assertThat(ProcessIdentity.isAlive(sleeper.pid(), child.startTicks() & 0xFFFFFF, 24)).isTrue();
            sleeper.destroyForcibly();
            assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(child.isAlive()).isFalse();
            assertThat(ProcessIdentity.of(sleeper.pid())).isEmpty();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void thisJvmIsAliveAndItsTextRoundTrips() {
        ProcessIdentity me = ProcessIdentity.current();
        assertThat(me.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(me.isAlive()).isTrue();
        assertThat(ProcessIdentity.parse(me.text())).contains(me);
        assertThat(ProcessIdentity.parse("12:x")).isEmpty();
        assertThat(ProcessIdentity.parse("-1:5")).isEmpty();
        assertThat(ProcessIdentity.parse("garbage")).isEmpty();
    }

    @Test
    void parsesStartTicksPastAParenthesisedNameAndTreatsZombiesAsGone() {
        String running = "4321 (we ird) name) S 1 4321 4321 0 -1 4194560 1 0 0 0 3 4 0 0 20 0 1 0 987654 1000 100 0";
        assertThat(ProcessIdentity.parseStartTicks(running)).isEqualTo(987654L);
        assertThat(ProcessIdentity.parseStartTicks(running.replace(") S ", ") Z ")))
                .isEqualTo(ProcessIdentity.GONE);
    }

    @Test
    void theNamespaceIsReadable() {
        assertThat(ProcessIdentity.pidNamespace()).isPositive();
    }
}
