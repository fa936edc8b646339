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
        long told = AuxVector.value(AuxVector.AT_CLKTCK);
        if (told > 0) {
            return told;
        }
        try {
            long hz = LibC.INSTANCE.sysconf(LibC._SC_CLK_TCK);
            return hz > 0 ? hz : 100;
        } catch (LinkageError e) {
            return 100;
        }
    }

    /** Memory page size, bytes. */
    public static long pageSize() {
        long told = AuxVector.value(AuxVector.AT_PAGESZ);
        if (told > 0) {
            return told;
        }
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

    /** Size of the buffers handed to stat and statx: struct statx is 256 bytes, struct stat less. */
    private static final int STAT_BUFFER = 256;
    /** Offset of st_blocks in struct stat: 64 on both x86_64 and the generic layout of aarch64/riscv64. */
    private static final int ST_BLOCKS_OFFSET = 64;
    /** Offset of stx_blocks in struct statx, the same on every architecture. */
    private static final int STX_BLOCKS_OFFSET = 48;
    /** statx(2): relative to the working directory (unused: paths are absolute or cwd-relative). */
    private static final int AT_FDCWD = -100;
    /** statx(2) mask bit asking for stx_blocks. */
    private static final int STATX_BLOCKS = 0x400;

    /** One way of asking the kernel how many 512-byte blocks a file occupies. */
    enum BlocksPath {
        /** The statx function, exported by glibc since 2.28. */
        STATX,
        /** The statx system call through syscall(2), for a libc without the statx function (kernel 4.11+). */
        SYSCALL_STATX,
        /** The stat function, exported by glibc since 2.33. */
        STAT,
        /** glibc's __xstat, what stat was called before 2.33. */
        XSTAT
    }

    /** The paths {@link #allocatedBytes} tries, in order. */
    static final java.util.List<BlocksPath> BLOCKS_ORDER = java.util.List.of(BlocksPath.STATX, BlocksPath.SYSCALL_STATX,
            BlocksPath.STAT, BlocksPath.XSTAT);

    /**
     * Bytes a file really occupies on disk (allocated 512-byte blocks × 512), which for sparse,
     * memory-mapped files is far less than their length; -1 when the file does not exist or none of
     * the kernel calls in {@link #BLOCKS_ORDER} is available. A path that the C library lacks
     * (e.g. {@code stat} before glibc 2.33) is skipped for the next, so the answer never falls back
     * to the file's apparent size while any of them works.
     */
    public static long allocatedBytes(java.nio.file.Path file) {
        for (BlocksPath path : BLOCKS_ORDER) {
            long bytes = allocatedBytes(file, path);
            if (bytes != UNAVAILABLE) {
                return bytes < 0 ? -1 : bytes;
            }
        }
        return -1;
    }

    /** {@link #allocatedBytes(java.nio.file.Path, BlocksPath)} when that path does not exist on this platform. */
    static final long UNAVAILABLE = Long.MIN_VALUE;

    /**
     * Allocated bytes of {@code file} asked one way: the figure, -1 when the kernel answered with an
     * error (e.g. no such file), or {@link #UNAVAILABLE} when that way does not exist here (symbol
     * missing from libc, system call unknown to the kernel, unknown architecture).
     */
    static long allocatedBytes(java.nio.file.Path file, BlocksPath path) {
        String arch = System.getProperty("os.arch");
        boolean x86 = "amd64".equals(arch);
        boolean arm = "aarch64".equals(arch);
        byte[] buf = new byte[STAT_BUFFER];
        String name = file.toString();
        try {
            switch (path) {
                case STATX -> LibC.INSTANCE.statx(AT_FDCWD, name, 0, STATX_BLOCKS, buf);
                case SYSCALL_STATX -> {
                    if (!x86 && !arm) {
                        return UNAVAILABLE;
                    }
                    LibC.INSTANCE.syscall(x86 ? LibC.SYS_STATX_X86_64 : LibC.SYS_STATX_GENERIC, AT_FDCWD, name, 0,
                            STATX_BLOCKS, buf);
                }
                case STAT -> {
                    if (!x86 && !arm) {
                        return UNAVAILABLE; // struct stat differs elsewhere
                    }
                    LibC.INSTANCE.stat(name, buf);
                }
                case XSTAT -> {
                    if (!x86 && !arm) {
                        return UNAVAILABLE;
                    }
                    LibC.INSTANCE.__xstat(x86 ? 1 : 0, name, buf); // _STAT_VER_LINUX / _STAT_VER
                }
                default -> throw new IllegalArgumentException(path.toString());
            }
        } catch (UnsatisfiedLinkError e) {
            return UNAVAILABLE;
        } catch (com.sun.jna.LastErrorException e) {
            return e.getErrorCode() == ENOSYS ? UNAVAILABLE : -1;
        }
        boolean statx = path == BlocksPath.STATX || path == BlocksPath.SYSCALL_STATX;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf).order(java.nio.ByteOrder.nativeOrder());
        if (statx && (b.getInt(0) & STATX_BLOCKS) == 0) {
            return UNAVAILABLE; // the file system did not fill in stx_blocks
        }
        return b.getLong(statx ? STX_BLOCKS_OFFSET : ST_BLOCKS_OFFSET) * 512;
    }

    private static final int ENOSYS = 38;
    /** Error number of "no space left on device". */
    public static final int ENOSPC = 28;

    /**
     * Allocates disk blocks for the first {@code length} bytes of {@code file} (posix_fallocate),
     * creating it (mode 0644, less the umask) when absent and extending it to {@code length} when
     * shorter. With the blocks reserved, writes through a memory mapping of that range cannot fail
     * for want of space: a full disk shows here as {@link #ENOSPC} instead of as a fault (SIGBUS)
     * on the first write to the mapping.
     *
     * @return 0 when reserved, else the error number ({@link #ENOSPC} when the disk is full); -1
     *         when the C library cannot be called
     */
    public static int reserve(java.nio.file.Path file, long length) {
        int fd;
        try {
            fd = LibC.INSTANCE.open(file.toString(), LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC, 0644);
        } catch (com.sun.jna.LastErrorException e) {
            return e.getErrorCode();
        } catch (UnsatisfiedLinkError e) {
            return -1;
        }
        try {
            return LibC.INSTANCE.posix_fallocate(fd, 0, length);
        } catch (UnsatisfiedLinkError e) {
            return -1;
        } finally {
            LibC.INSTANCE.close(fd);
        }
    }
}
