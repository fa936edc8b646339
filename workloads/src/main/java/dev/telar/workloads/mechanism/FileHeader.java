package dev.telar.workloads.mechanism;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What the value, array and list do alike when a process opens their file: the magic word at
 * offset 0 (published last at creation, so whoever sees it sees the rest of the header) and the
 * PID namespace stamp are checked before the file is used, and a refused file is unmapped again.
 */
final class FileHeader {
    private FileHeader() {
    }

    /**
     * Maps the existing {@code file} at its own size.
     *
     * @throws UncheckedIOException "no WHAT at FILE" when it cannot be sized (missing, unreadable)
     */
    static MappedFile mapWhole(Path file, String what) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("no " + what + " at " + file + ": " + e.getMessage(), e);
        }
        return MappedFile.map(file, size);
    }

    /**
     * Returns {@code r} once its magic word is {@code magic}, {@code fits} agrees (asked only
     * then: the header matches the file's size) and it was made in this PID namespace; else
     * unmaps it and throws.
     *
     * @throws IllegalArgumentException "not a WHAT: FILE"
     * @throws IllegalStateException    when the file belongs to another PID namespace
     */
    static MappedFile accept(MappedFile r, Path file, String what, long magic, BooleanSupplier fits, long pidNamespace) {
        if (r.getVolatile(0) != magic || !fits.getAsBoolean()) {
            r.close();
            throw new IllegalArgumentException("not a " + what + ": " + file);
        }
        try {
            PidNamespaceStamp.check(r, pidNamespace, file);
        } catch (IllegalStateException e) {
            r.close();
            throw e;
        }
        return r;
    }
}
