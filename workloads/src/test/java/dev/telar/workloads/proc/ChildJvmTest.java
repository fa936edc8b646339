package dev.telar.workloads.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    @Test
    void targetRunsInAnotherJvmWithItsArguments() throws Exception {
        Child child = ChildLauncher.startTarget(ChildTargets.Echo.class, List.of("a", "b c"));
        assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(child.stdout().readLine()).isEqualTo("a,b c");
        assertThat(child.join()).isEqualTo(new ChildExit(0));
    }

    @Test
    void subclassRunsItsOwnRun() throws Exception {
        ChildTargets.Squarer squarer = new ChildTargets.Squarer();
        Child child = squarer.start("12");
        assertThat(child.stdout().readLine()).isEqualTo("144");
        assertThat(squarer.join().ok()).isTrue();
        assertThatThrownBy(() -> squarer.start("1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aThrowingTargetExitsOneWithItsMessage() throws Exception {
        Child child = ChildLauncher.startTarget(ChildTargets.Fail.class, List.of("no disk left"));
        ChildExit exit = child.join();
        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.describe()).isEqualTo("exit code 1");
        assertThat(child.lastError()).isEqualTo("IllegalStateException: no disk left");
        assertThat(child.lastProblem()).contains(Problem.of(ProblemCode.ERROR, "IllegalStateException: no disk left"));
    }

    @Test
    void aChildThatMeetsAProblemSaysItWholeForItsParentToWord() throws Exception {
        Child child = ChildLauncher.startTarget(ChildTargets.DiskFull.class, List.of("a-to-b", "/run/x y"));
        assertThat(child.join().code()).isEqualTo(1);
        assertThat(child.lastError()).startsWith(Problem.LINE_PREFIX);
        assertThat(child.lastProblem())
                .contains(Problem.of(ProblemCode.DISK_FULL_JOURNAL, "a-to-b", "/run/x y", "0 B", "260 KiB"));
        assertThat(child.endedAs(ProblemCode.PROCESS_ENDED, ProblemCode.PROCESS_ENDED_SAYING, 3, child.pid(), 1).cause())
                .isEqualTo(child.lastProblem());
    }

    @Test
    void aKilledChildReportsTheSignal() throws Exception {
        Child child = ChildLauncher.startTarget(ChildTargets.Sleeper.class, List.of());
        assertThat(child.stdout().readLine()).isEqualTo("ready");
        assertThat(ChildLauncher.live()).contains(child);
        // What a process list shows first: the class the child runs. Read from /proc as Telar's
        // process table does (ProcessHandle.Info drops every argument of a command line longer
        // than a page, as a test JVM's class path makes it).
        String[] cmdline = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(child.pid()), "cmdline"))
                .split("\0");
        assertThat(cmdline[1]).isEqualTo("-Dtelar.child=Sleeper");
        child.kill();
        ChildExit exit = child.join();
        assertThat(exit.signal()).isEqualTo(9);
        assertThat(exit.describe()).isEqualTo("killed by SIGKILL (9)");
    }

    /** The orphan test: kill -9 of a parent JVM takes its children with it within 2 s. */
    @Test
    void childrenDieWithinTwoSecondsOfTheirParentsKill() throws Exception {
        Child parent = ChildLauncher.startTarget(ChildTargets.Spawner.class, List.of());
        assertDiesWithinTwoSecondsOfItsParent(parent);
    }

    /** The same for a process pool's worker, which also maps Chronicle queue files. */
    @Test
    void poolWorkersDieWithinTwoSecondsOfTheirParentsKill(@TempDir Path queues) throws Exception {
        Child parent = ChildLauncher.startTarget(ChildTargets.PoolSpawner.class, List.of(queues.toString()));
        assertDiesWithinTwoSecondsOfItsParent(parent);
    }

    /** Reads the grandchild's pid from the parent, kills the parent (SIGKILL) and watches the grandchild go. */
    private static void assertDiesWithinTwoSecondsOfItsParent(Child parent) throws Exception {
        String line = parent.stdout().readLine();
        if (line == null) {
            parent.kill();
            throw new AssertionError("the parent ended without starting its child: " + parent.join().describe() + ": "
                    + parent.lastError());
        }
        long grandchildPid = Long.parseLong(line);
        ProcessHandle grandchild = ProcessHandle.of(grandchildPid).orElseThrow();
        assertThat(grandchild.isAlive()).isTrue();

        parent.kill();
        assertThat(parent.join().signal()).isEqualTo(9);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (grandchild.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Optional<ProcessHandle> still = ProcessHandle.of(grandchildPid).filter(ProcessHandle::isAlive);
        still.ifPresent(ProcessHandle::destroyForcibly); // never leave it behind, even on failure
        assertThat(still).as("grandchild %d still alive 2 s after its parent's SIGKILL", grandchildPid).isEmpty();
    }
}
