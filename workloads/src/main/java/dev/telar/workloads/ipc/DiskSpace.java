package dev.telar.workloads.ipc;

import dev.telar.probe.Kernel;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a full disk from faulting a process that writes through a memory mapping. A write to a
 * mapped page of a sparse file needs a fresh block; on a full file system the kernel answers that
 * with SIGBUS, which the JVM turns into an asynchronous {@link InternalError} ("a fault occurred in
 * an unsafe memory access") or, in native code, into a crash. So:
 *
 * <ul>
 *   <li>fixed-size mapped files get their blocks reserved before they are mapped
 *       ({@link #reserve}): a full disk is an error at that point, never a fault later;</li>
 *   <li>Chronicle Queue journals, which grow a sparse file chunk by chunk, ask for
 *       {@link #JOURNAL_HEADROOM} of free space (plus what they write until they ask again) before
 *       they start a file and then about every megabyte ({@link #require});</li>
 *   <li>what still slips through (another program filling the disk between two checks) is
 *       recognised as a disk-full failure by {@link #reason}, so the run fails with that reason
 *       instead of a stack trace.</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class DiskSpace {
    /**
     * Free space a journal asks for beyond what it will write before its next check: room for a
     * new cycle file's header and index (about 16 KiB measured) many times over.
     */
    public static final long JOURNAL_HEADROOM = 256L << 10;
    private static final long PAGE = 4096;

    private DiskSpace() {
    }

    /**
     * Makes sure the first {@code size} bytes of {@code file} have their blocks on disk, creating
     * the file when absent. A file whose blocks are all there already is left alone (so opening an
     * existing mapping never fails on a full disk).
     *
     * @throws DiskFullException when the file system has no room for them
     */
    public static void reserve(Path file, long size) {
        long pages = (size + PAGE - 1) / PAGE * PAGE;
        if (Files.exists(file) && Kernel.allocatedBytes(file) >= pages) {
            return;
        }
        int error = Kernel.reserve(file, size);
        if (error == Kernel.ENOSPC) {
            throw new DiskFullException(Problem.of(ProblemCode.DISK_FULL_NO_ROOM, file.getFileName(), bytes(size),
                    place(file.getParent()), bytes(usable(file.getParent()))));
        }
        // Other errors (a file system without fallocate, a missing libc call): map as before and
        // let the checks above and the fault translation catch a full disk.
    }

    /**
     * Checks that the file system holding {@code dir} has at least {@code bytes} usable.
     *
     * @param what  what needs the room: a {@code DISK_FULL} code whose last three arguments are the
     *              place, the free space and the space needed
     * @param names the code's arguments before those (e.g. the journal's name)
     * @throws DiskFullException when it has less
     */
    public static void require(Path dir, long bytes, ProblemCode what, String... names) {
        long free = usable(dir);
        if (free >= 0 && free < bytes) {
            Object[] args = java.util.Arrays.copyOf((Object[]) names, names.length + 3);
            args[names.length] = place(dir);
            args[names.length + 1] = bytes(free);
            args[names.length + 2] = bytes(bytes);
            throw new DiskFullException(Problem.of(what, args));
        }
    }

    /** Usable bytes on the file system holding {@code dir} (its nearest existing ancestor); -1 when unknown. */
    public static long usable(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return -1;
        }
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    /**
     * The full disk behind {@code failure}, or empty when it is something else: a
     * {@link DiskFullException}, or a fault or I/O error that means one ({@link Problem#fullDisk}).
     */
    public static Optional<Problem> reason(Throwable failure) {
        return Problem.fullDisk(failure);
    }

    private static String place(Path p) {
        return p == null ? "?" : p.toString();
    }

    /** Bytes in the largest unit that keeps a number ≥ 1: "512 B", "40 KiB", "1.3 MiB"; "?" when unknown (negative). */
    static String bytes(long n) {
        if (n < 0) {
            return "?";
        }
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%d KiB", n / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
