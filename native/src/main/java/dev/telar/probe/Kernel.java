package dev.telar.probe;

/**
 * Small facts and calls about the running kernel and the calling thread, through libc.
 * Every method is safe to call from any thread.
 */
public final class Kernel {
    private static final int MASK_WORDS = 16; // 1024 cores, the kernel's default CONFIG_NR_CPUS limit

    private Kernel() {
    }

    /** Clock ticks per second used in {@code /proc} times (USER_HZ), usually 100. */
    public static long clockTicksPerSecond() {
        try {
            long hz = LibC.INSTANCE.sysconf(LibC._SC_CLK_TCK);
            return hz > 0 ? hz : 100;
        } catch (LinkageError e) {
            return 100;
        }
    }

    /** Memory page size, bytes. */
    public static long pageSize() {
        try {
            long size = LibC.INSTANCE.sysconf(LibC._SC_PAGESIZE);
            return size > 0 ? size : 4096;
        } catch (LinkageError e) {
            return 4096;
        }
    }

    /** True when file descriptor {@code fd} (0 stdin, 1 stdout, 2 stderr) is a terminal. */
    public static boolean isTerminal(int fd) {
        try {
            return LibC.INSTANCE.isatty(fd) == 1;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The logical core the calling thread is running on right now. */
    public static int currentCore() {
        return LibC.INSTANCE.sched_getcpu();
    }

    /**
     * Restricts the calling thread to the given logical cores (sched_setaffinity on thread 0).
     *
     * @throws IllegalArgumentException if no core is given, or a core is outside 0..1023
     * @throws IllegalStateException    if the kernel refuses (e.g. a core that is offline or not allowed)
     */
    public static void pinCurrentThread(int... cores) {
        if (cores.length == 0) {
            throw new IllegalArgumentException("no core given to pin to");
        }
        long[] mask = new long[MASK_WORDS];
        for (int core : cores) {
            if (core < 0 || core >= MASK_WORDS * 64) {
                throw new IllegalArgumentException("core " + core + " is outside 0.." + (MASK_WORDS * 64 - 1));
            }
            mask[core / 64] |= 1L << (core % 64);
        }
        try {
            LibC.INSTANCE.sched_setaffinity(0, MASK_WORDS * 8, mask);
        } catch (com.sun.jna.LastErrorException e) {
            throw new IllegalStateException("the kernel refused to pin to cores "
                    + java.util.Arrays.toString(cores) + " (errno " + e.getErrorCode() + ")", e);
        }
    }

    /** The logical cores the calling thread may run on, ascending. */
    public static int[] allowedCores() {
        long[] mask = new long[MASK_WORDS];
        LibC.INSTANCE.sched_getaffinity(0, MASK_WORDS * 8, mask);
        return java.util.stream.IntStream.range(0, MASK_WORDS * 64)
                .filter(c -> (mask[c / 64] & (1L << (c % 64))) != 0).toArray();
    }

    /**
     * Asks the kernel to send {@code signal} to the calling process when the thread that started
     * it exits (prctl PR_SET_PDEATHSIG). Because it is tied to the starting <em>thread</em>, parents
     * must start children from a thread that lives as long as they do.
     *
     * @throws IllegalStateException if the kernel refuses
     */
    public static void dieWithParent(int signal) {
        try {
            LibC.INSTANCE.prctl(LibC.PR_SET_PDEATHSIG, signal, 0, 0, 0);
        } catch (com.sun.jna.LastErrorException e) {
            throw new IllegalStateException("prctl(PR_SET_PDEATHSIG) failed (errno " + e.getErrorCode() + ")", e);
        }
    }

    /**
     * Stops the calling process's process group (this JVM and the child JVMs it started, which
     * share it) as the terminal's Ctrl-Z would, with SIGTSTP; returns once the group is continued
     * (the shell's {@code fg} or {@code bg}, or SIGCONT). A group the kernel sees as orphaned
     * (no job-control shell above it) is not stopped, and this returns at once.
     *
     * @throws IllegalStateException if the kernel refuses
     */
    public static void stopProcessGroup() {
        try {
            LibC.INSTANCE.kill(0, LibC.SIGTSTP);
        } catch (com.sun.jna.LastErrorException e) {
            throw new IllegalStateException("kill(0, SIGTSTP) failed (errno " + e.getErrorCode() + ")", e);
        }
    }

    /** Process id of the calling process's parent (1 or a subreaper once the parent is gone). */
    public static int parentPid() {
        return LibC.INSTANCE.getppid();
    }

    /** Size of the stat buffer handed to libc, larger than struct stat on any 64-bit Linux. */
    private static final int STAT_BUFFER = 256;
    /** Offset of st_blocks in struct stat: 64 on both x86_64 and the generic layout of aarch64/riscv64. */
    private static final int ST_BLOCKS_OFFSET = 64;

    /**
     * Bytes a file really occupies on disk (st_blocks × 512), which for sparse, memory-mapped
     * files is far less than their length; -1 when the platform cannot tell.
     */
    public static long allocatedBytes(java.nio.file.Path file) {
        if (!"amd64".equals(System.getProperty("os.arch")) && !"aarch64".equals(System.getProperty("os.arch"))) {
            return -1;
        }
        byte[] buf = new byte[STAT_BUFFER];
        try {
            LibC.INSTANCE.stat(file.toString(), buf);
        } catch (com.sun.jna.LastErrorException | UnsatisfiedLinkError e) {
            return -1;
        }
        long blocks = java.nio.ByteBuffer.wrap(buf, ST_BLOCKS_OFFSET, 8).order(java.nio.ByteOrder.nativeOrder()).getLong();
        return blocks * 512;
    }
}
