package dev.telar.workloads.problem;

import java.util.List;

/**
 * Every problem the workloads report, with the names of its arguments in order. The user
 * interface has one sentence per code in each language, with a place for each argument and, for
 * a {@link #caused()} code, one last place for the problem behind it.
 *
 * <p>Arguments are plain values: numbers, pids, paths, names, sizes with their binary unit
 * ("40 KiB"). An argument called {@value #EXIT} is a child process's exit status as Java reports
 * it ({@code 137} for SIGKILL, {@code 1}, or empty when the process had not ended), for the user
 * interface to word. An argument called {@code detail} is the words of an underlying error (an I/O
 * error's message), passed on where nothing better is known.
 */
public enum ProblemCode {
    /** No problem (a completed run). */
    NONE,
    /** Stopped because it was asked to. */
    CANCELLED,
    /** An error with nothing better known than its own words. */
    ERROR("detail"),

    // ---- an experiment's spec
    /** Virtual threads need Java 21; this JVM is of version {@code java}. */
    RUN_VIRTUAL("java"),
    /** Tasks out of range. */
    RUN_TASKS("max", "got"),
    /** Workers out of range. */
    RUN_WORKERS("max", "got"),
    /** Interpreters out of range. */
    RUN_INTERPRETERS("max", "got"),
    /** The GIL's switch interval (milliseconds) out of range. */
    RUN_SWITCH("max", "got"),
    /** The matrix side out of range. */
    RUN_MATRIX("max", "got"),
    /** The matmul threads out of range. */
    RUN_MATMUL_THREADS("max", "got"),
    /** The draws per task out of range. */
    RUN_DRAWS("max", "got"),
    /** The io kernel's wait per round (milliseconds) out of range. */
    RUN_WAIT("max", "got"),
    /** A core to pin to that this machine lacks; its cores are 0..{@code last}. */
    RUN_CORE_MISSING("core", "last"),

    // ---- the lab JVM
    /** The lab JVM was killed by a signal. */
    LAB_KILLED("pid", "exit"),
    /** The lab JVM ran out of heap and exited with {@code code}. */
    LAB_OUT_OF_MEMORY("pid", "code"),
    /** The lab JVM exited 0 without being asked to leave. */
    LAB_ENDED("pid"),
    /** The lab JVM exited with {@code code}, saying nothing. */
    LAB_CRASHED("pid", "code"),
    /** The lab JVM exited with {@code code}; the cause is its last error line. */
    LAB_CRASHED_SAYING(true, "pid", "code"),
    /** The lab JVM did not say it was ready within {@code seconds} and was killed. */
    LAB_SILENT("pid", "seconds"),
    /** The lab's commands could not be written (the cause says why); it was killed. */
    LAB_UNWRITABLE(true, "pid"),
    /** The lab's run directory could not be made. */
    LAB_NO_DIRECTORY(true),
    /** The lab JVM could not be started. */
    LAB_NOT_STARTED(true),
    /** The lab JVM was closed while a job of it still ran. */
    LAB_CLOSED("pid"),
    /** The lesson's step could not start: another job ({@code running}, a job kind) holds the lab. */
    LAB_BUSY("running"),
    /** The lesson's step took longer than {@code seconds} and was cancelled. */
    LESSON_STEP_TIMEOUT("seconds"),
    /** A job command could not be written for the lab (it holds what cannot be carried). */
    LAB_UNSENDABLE(true),

    // ---- Telar's own place for run files (each to be told with the fix: another place)
    /** The place could not be made. */
    PLACE_NOT_MADE("place", "detail"),
    /** The place is a symbolic link. */
    PLACE_SYMLINK("place"),
    /** The place is not a directory. */
    PLACE_NOT_DIRECTORY("place"),
    /** The place belongs to user {@code uid}, not to this one ({@code me}). */
    PLACE_FOREIGN("place", "uid", "me"),
    /** The place is open to group or others (its {@code mode}, octal). */
    PLACE_OPEN("place", "mode"),
    /** The place lies in {@code parent}, which others may write and which is not sticky. */
    PLACE_IN_OPEN("place", "parent"),
    /** The place could not be checked. */
    PLACE_UNCHECKED("place", "detail"),

    // ---- a full disk
    /** A file's blocks could not be reserved. */
    DISK_FULL_NO_ROOM("file", "size", "place", "free"),
    /** Chronicle Map found no room for its file; the detail is its own words. */
    DISK_FULL_MAP("file", "place", "detail"),
    /** A journal of an exchange lane lacks the room it asks before it writes on. */
    DISK_FULL_JOURNAL("name", "place", "free", "needs"),
    /** The lab's queues lack the room they ask for. */
    DISK_FULL_LAB_QUEUES("place", "free", "needs"),
    /** A process pool's queue lacks the room it asks for. */
    DISK_FULL_POOL_QUEUE("name", "place", "free", "needs"),
    /** A write to a mapped file met a page the disk could not give (the JVM's fault). */
    DISK_FULL_MAPPED_WRITE("detail"),
    /** The system said no space is left. */
    DISK_FULL("detail"),

    // ---- child processes
    /** Process {@code index} ended as {@code exit} says. */
    PROCESS_ENDED("index", "pid", "exit"),
    /** Process {@code index} ended as {@code exit} says; the cause is its last error line. */
    PROCESS_ENDED_SAYING(true, "index", "pid", "exit"),

    // ---- a process pool and the models with a child per worker
    /** A pool worker ended before it was ready. */
    POOL_WORKER_NOT_READY("index", "pid", "exit"),
    /** As {@link #POOL_WORKER_NOT_READY}; the cause is its last error line. */
    POOL_WORKER_NOT_READY_SAYING(true, "index", "pid", "exit"),
    /** A pool worker ended with a task in hand. */
    POOL_WORKER_DIED("index", "pid", "task", "exit"),
    /** As {@link #POOL_WORKER_DIED}; the cause is its last error line. */
    POOL_WORKER_DIED_SAYING(true, "index", "pid", "task", "exit"),
    /** A worker process of a run ended before it was ready. */
    WORKER_NOT_READY("index", "pid", "exit"),
    /** As {@link #WORKER_NOT_READY}; the cause is its last error line. */
    WORKER_NOT_READY_SAYING(true, "index", "pid", "exit"),
    /** A worker process of a run ended before its work was done. */
    WORKER_UNFINISHED("index", "pid", "exit"),
    /** As {@link #WORKER_UNFINISHED}; the cause is its last error line. */
    WORKER_UNFINISHED_SAYING(true, "index", "pid", "exit"),
    /** A worker process of a run did its work, then ended badly. */
    WORKER_FAILED_AFTER("index", "pid", "exit"),
    /** As {@link #WORKER_FAILED_AFTER}; the cause is its last error line. */
    WORKER_FAILED_AFTER_SAYING(true, "index", "pid", "exit"),

    // ---- the exchange experiment
    /** The number of processes is out of range. */
    EXCHANGE_PROCESSES("max", "got"),
    /** The number of draws is out of range (at least one per process). */
    EXCHANGE_DRAWS("min", "max", "got"),
    /** A mechanism that runs through a remote manager was asked for, and no manager was given. */
    EXCHANGE_NO_MANAGER("mechanism"),
    /** The children did not all say they were ready in time. */
    EXCHANGE_NOT_READY("seconds"),
    /** A child ended before the start signal. */
    EXCHANGE_LOST_AT_START("index", "pid", "exit"),
    /** A child ended before the start signal; the cause is its last error line. */
    EXCHANGE_LOST_AT_START_SAYING(true, "index", "pid", "exit"),
    /** A child that sends messages ended badly; no total. */
    EXCHANGE_CHILD_FAILED("index", "pid", "exit", "received", "sent"),
    /** As {@link #EXCHANGE_CHILD_FAILED}; the cause is its last error line. */
    EXCHANGE_CHILD_FAILED_SAYING(true, "index", "pid", "exit", "received", "sent"),
    /** A child of a shared-memory mechanism ended badly; no total. */
    EXCHANGE_CHILD_DIED("index", "pid", "exit"),
    /** As {@link #EXCHANGE_CHILD_DIED}; the cause is its last error line. */
    EXCHANGE_CHILD_DIED_SAYING(true, "index", "pid", "exit"),
    /** A child ended well but not all of its messages arrived. */
    EXCHANGE_TORN("index", "received", "expected"),
    /** A child of a shared-memory mechanism ended well but its result did not arrive. */
    EXCHANGE_TORN_VALUE("index", "received"),

    // ---- the race demo
    /** The sizes are out of range. */
    RACE_SIZE("max", "processes", "increments"),
    /** The processes did not finish (none said why). */
    RACE_UNFINISHED,

    // ---- sync scenarios
    /** The slowdown is out of range. */
    SCENARIO_SLOWDOWN("got"),
    /** The number of workers is out of range (0 takes the scenario's own). */
    SCENARIO_WORKERS("max", "got"),
    /** The size is negative. */
    SCENARIO_SIZE("got"),
    /** The scenario needs at least one worker. */
    SCENARIO_NO_WORKER("primitive"),
    /** The condition scenario needs an even number of workers (half produce, half consume). */
    SCENARIO_WORKERS_EVEN("got"),
    /** A remote run was asked for with no manager named. */
    SCENARIO_NO_MANAGER,
    /** A worker process ended as {@code exit} says. */
    SCENARIO_WORKER_ENDED("pid", "exit"),
    /** A worker process ended as {@code exit} says; the cause is its last error line. */
    SCENARIO_WORKER_SAYING(true, "pid", "exit"),
    /** A remote run's manager stopped answering for a whole session: the run's locks and counters are out of reach. */
    SCENARIO_MANAGER_LOST("address", "seconds"),

    // ---- the remote manager
    /** The manager's key file does not exist. */
    MANAGER_KEY_MISSING("file"),
    /** The manager's key file can be read by its group or by others; its permissions are {@code mode} (e.g. rw-r-----). */
    MANAGER_KEY_OPEN("file", "mode"),
    /** The manager's key file is not a regular file. */
    MANAGER_KEY_NOT_FILE("file"),
    /** The manager's key file could not be read or written. */
    MANAGER_KEY_UNREADABLE("file", "detail"),
    /** The key from {@code source} (a file or a variable) is shorter than {@code min} characters or holds blanks. */
    MANAGER_KEY_BAD("source", "min"),
    /** No key file was named and the key variable is unset. */
    MANAGER_KEY_UNSET("variable"),
    /** The manager at {@code address} refused the key (SASL authentication failed). */
    MANAGER_REFUSED("address"),
    /** No manager answered at {@code address} within {@code seconds}. */
    MANAGER_UNREACHABLE("address", "seconds"),
    /** The manager could not listen at {@code address}. */
    MANAGER_NOT_STARTED("address", "detail"),
    /** The manager's TLS settings from {@code source} cannot be used, as {@code detail} says. */
    MANAGER_TLS_BAD("source", "detail"),
    /** The manager's data directory {@code directory} is held by another running manager, process {@code pid} ("?" when unknown). */
    MANAGER_DATA_IN_USE("directory", "pid");

    /** The name of an argument that is an exit status. */
    public static final String EXIT = "exit";

    private final boolean caused;
    private final List<String> argNames;

    ProblemCode(String... argNames) {
        this(false, argNames);
    }

    ProblemCode(boolean caused, String... argNames) {
        this.caused = caused;
        this.argNames = List.of(argNames);
    }

    /** How many arguments a problem of this code has. */
    public int arity() {
        return argNames.size();
    }

    /** The arguments' names, in order (documentation, and {@value #EXIT} for exit statuses). */
    public List<String> argNames() {
        return argNames;
    }

    /** True for the codes of a full disk. */
    public boolean diskFull() {
        return name().startsWith("DISK_FULL");
    }

    /** True when a problem of this code carries the problem behind it. */
    public boolean caused() {
        return caused;
    }
}
