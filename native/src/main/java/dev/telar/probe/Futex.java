package dev.telar.probe;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Linux futexes on shared memory: a thread sleeps in the kernel until another thread (of any
 * process mapping the same file) wakes it, costing no CPU while asleep. Used by the process
 * synchronization primitives, whose words live in memory-mapped files; the futex key of a shared
 * file mapping is the file and offset, so it works across processes (FUTEX_PRIVATE is not used).
 *
 * <p>Bound through JNA direct mapping of libc's {@code syscall}. {@link #available()} is false on
 * other systems and architectures; callers then fall back to timed parking. Thread-safe.
 */
public final class Futex {
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final long SYS_FUTEX = sysFutex();
    private static final boolean AVAILABLE = bind();

    private Futex() {
    }

    private static long sysFutex() {
        if (!Platform.isLinux()) {
            return -1;
        }
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> 202;
            case "aarch64", "arm64" -> 98;
            default -> -1;
        };
    }

    private static boolean bind() {
        if (SYS_FUTEX < 0) {
            return false;
        }
        try {
            Native.register(Futex.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * libc's variadic {@code syscall}, declared with fixed integer arguments: both supported ABIs
     * pass them in the same registers as variadic ones.
     */
    private static native long syscall(long number, long uaddr, int op, int val, long[] timeout, long uaddr2, int val3);

    /**
     * The absolute address of a direct (e.g. memory-mapped) buffer's first byte, for futex words in it.
     *
     * @throws IllegalArgumentException for a heap buffer
     */
    public static long addressOf(java.nio.ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("futex words must live in a direct or mapped buffer");
        }
        return com.sun.jna.Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** True when futexes can be used here (Linux on x86-64 or AArch64, libc bound). */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * FUTEX_WAIT: sleeps while the 32-bit word at {@code address} holds {@code expected}, at most
     * {@code timeoutNanos}. Returns at once when the word differs; may also return early (a signal,
     * a spurious wake-up), so callers check their condition again.
     *
     * @param address absolute address of a 4-byte-aligned int in shared (or private) memory
     * @throws IllegalStateException when futexes are not {@link #available()}
     */
    public static void await(long address, int expected, long timeoutNanos) {
        if (!AVAILABLE) {
            throw new IllegalStateException("futexes are not available on this system");
        }
        long t = Math.max(0, timeoutNanos);
        syscall(SYS_FUTEX, address, FUTEX_WAIT, expected, new long[] {t / 1_000_000_000L, t % 1_000_000_000L}, 0, 0);
    }

    /**
     * FUTEX_WAKE: wakes up to {@code count} threads sleeping on the word at {@code address}.
     *
     * @return how many were woken
     */
    public static int wake(long address, int count) {
        if (!AVAILABLE) {
            throw new IllegalStateException("futexes are not available on this system");
        }
        return (int) syscall(SYS_FUTEX, address, FUTEX_WAKE, count, null, 0, 0);
    }
}
