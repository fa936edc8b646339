package dev.telar.workloads.remote;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which manager to talk to and where its key is: what a remote command, the lab and each of a
 * remote run's child JVMs need to connect. It names the key's place, never the key itself, so it
 * can travel on a command line or through the lab's channel without showing the secret: a child
 * reads the same file, or inherits the same variable.
 *
 * @param address       {@code host:port}, or several comma-separated for an ensemble
 * @param keyFile       the owner-only key file; empty means the variable {@value ManagerKey#VARIABLE}
 *                      of the process's environment
 * @param sessionMillis the session asked for, milliseconds: how long after this client vanishes the
 *                      manager frees its locks and permits (the server may grant more)
 */
public record ManagerTarget(String address, Optional<Path> keyFile, long sessionMillis) {
    /** How long a remote command waits for the manager to answer and accept the key. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ManagerTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(keyFile, "keyFile");
        if (address.isBlank()) {
            throw new IllegalArgumentException("a manager address is host:port");
        }
        if (sessionMillis <= 0) {
            throw new IllegalArgumentException("a session lasts a positive time, not " + sessionMillis + " ms");
        }
    }

    /**
     * The key: read from {@link #keyFile}, else taken from the variable in {@code env}.
     *
     * @throws ProblemException when the file is missing, open to others or unreadable, or the
     *                          variable is unset ({@link ProblemCode#MANAGER_KEY_UNSET})
     */
    public ManagerKey key(Function<String, String> env) {
        if (keyFile.isPresent()) {
            return ManagerKey.read(keyFile.get());
        }
        return ManagerKey.fromEnvironment(env).orElseThrow(
                () -> new ProblemException(Problem.of(ProblemCode.MANAGER_KEY_UNSET, ManagerKey.VARIABLE)));
    }

    /**
     * The three arguments that hand this target to a child JVM: the address, the key file (empty:
     * the child inherits the key variable) and the session in milliseconds. Never the key.
     */
    public List<String> childArgs() {
        return List.of(address, keyFile.map(Path::toString).orElse(""), Long.toString(sessionMillis));
    }

    /** The target {@link #childArgs} gave, read from {@code args} at {@code from}. */
    public static ManagerTarget fromChildArgs(String[] args, int from) {
        return new ManagerTarget(args[from], args[from + 1].isEmpty() ? Optional.empty() : Optional.of(Path.of(args[from + 1])),
                Long.parseLong(args[from + 2]));
    }

    /** The session asked for. */
    public Duration session() {
        return Duration.ofMillis(sessionMillis);
    }

    /**
     * Connects with the key from this process's environment, waiting at most {@link #CONNECT_TIMEOUT}.
     *
     * @throws ProblemException as {@link #key} and {@link ManagerClient#connect}
     */
    public ManagerClient connect() throws InterruptedException {
        return connect(CONNECT_TIMEOUT);
    }

    /** As {@link #connect()}, waiting at most {@code timeout} for the manager's answer. */
    public ManagerClient connect(Duration timeout) throws InterruptedException {
        return ManagerClient.connect(address, key(System::getenv), timeout, session());
    }
}
