package dev.telar.tui.cli;

import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.problem.ProblemCarrier;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.problem.ProblemFailure;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;

/** Connecting a remote command to its manager, with the one-line answers when that fails. */
final class ManagerConnection {
    private ManagerConnection() {
    }

    /** Why a command could not connect, once told on its error stream; {@link #exit} is its exit code. */
    static final class Failed extends Exception {
        private final int exit;

        Failed(int exit) {
            super(null, null, false, false);
            this.exit = exit;
        }

        int exit() {
            return exit;
        }
    }

    /**
     * A client of {@code target}'s manager.
     *
     * @throws Failed after one line on {@code spec}'s error stream: exit {@link Cli#USAGE} when the
     *                manager refused the key, {@link Cli#FAILURE} when no manager answered in time
     */
    static ManagerClient open(ManagerTarget target, CommandSpec spec, Texts texts) throws InterruptedException, Failed {
        try {
            return target.connect();
        } catch (ProblemException refused) {
            throw told(refused, Cli.USAGE, spec, texts);
        } catch (ProblemFailure unreachable) {
            throw told(unreachable, Cli.FAILURE, spec, texts);
        }
    }

    /**
     * Connects once and lets go, before a command starts anything that needs the manager (child
     * JVMs, a lab run): a refused key or a manager that does not answer is told now, in one line,
     * rather than as a failed run.
     *
     * @return the exit code once the failure was told (as {@link #open}); empty when the manager
     *         accepted the key, or when there is no manager to check
     */
    static OptionalInt failure(Optional<ManagerTarget> target, CommandSpec spec, Texts texts) throws InterruptedException {
        if (target.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            open(target.get(), spec, texts).close();
            return OptionalInt.empty();
        } catch (Failed told) {
            return OptionalInt.of(told.exit());
        }
    }

    private static Failed told(ProblemCarrier why, int exit, CommandSpec spec, Texts texts) {
        spec.commandLine().getErr().println("telar: " + Errors.oneLine(Problems.text(why.problem(), texts)));
        spec.commandLine().getErr().flush();
        return new Failed(exit);
    }
}
